import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applicationsQueryKey } from '@/features/applications/api/get-applications';
import { qualificationsQueryKey } from '@/features/qualifications/api/get-qualifications';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { batchesQueryKey } from './get-batches';

export type BatchResults = components['schemas']['BatchResults'];

/**
 * recordBatchResults uploads a batch's published list (.xlsx, multipart field `file`). The server
 * records every line or none; a 422 names each bad line as `rows[i].<field>`.
 */
export const recordBatchResults = ({ id, file }: { id: number; file: Blob }) => {
  const form = new FormData();
  form.append('file', file, file instanceof File ? file.name : 'results.xlsx');
  return unwrap(
    api.POST('/api/v1/batches/{id}/results', {
      params: { path: { id } },
      // The contract's multipart body; FormData goes out as it is, with its boundary.
      body: form as unknown as { file?: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
};

export function useRecordBatchResults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordBatchResults,
    // Recorded approvals move applications on and create qualifications.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: batchesQueryKey }),
        queryClient.invalidateQueries({ queryKey: applicationsQueryKey }),
        queryClient.invalidateQueries({ queryKey: qualificationsQueryKey }),
      ]),
  });
}
