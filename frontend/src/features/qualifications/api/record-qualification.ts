import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { qualificationsQueryKey } from './get-qualifications';

export type QualificationRecordInput = components['schemas']['QualificationRecord'];

/** recordQualification records a historic qualification (valid until granted + 3 years). */
export const recordQualification = (body: QualificationRecordInput) => unwrap(api.POST('/api/v1/qualifications', { body }));

export function useRecordQualification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordQualification,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qualificationsQueryKey }),
  });
}
