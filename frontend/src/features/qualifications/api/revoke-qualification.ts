import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { qualificationsQueryKey } from './get-qualifications';

export type RevocationInput = components['schemas']['Revocation'];
export type RevokeReasonCode = RevocationInput['reason_code'];

export const REVOKE_REASON_CODES: RevokeReasonCode[] = [
  'false_information',
  'major_incident',
  'tax_violation',
  'abnormal_or_dishonest_list',
  'no_longer_meets_criteria',
  'missed_annual_updates',
  'other',
];

/** revokeQualification revokes a qualification from today, naming the grounds. */
export const revokeQualification = ({ id, body }: { id: number; body: RevocationInput }) =>
  unwrap(api.POST('/api/v1/qualifications/{id}/revoke', { params: { path: { id } }, body }));

export function useRevokeQualification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeQualification,
    onSettled: () => queryClient.invalidateQueries({ queryKey: qualificationsQueryKey }),
  });
}
