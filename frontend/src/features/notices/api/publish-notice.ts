import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applicationsQueryKey } from '@/features/applications/api/get-applications';
import { api, unwrap } from '@/lib/api/client';
import { noticesQueryKey } from './get-public-notices';

export type PublishNoticeInput = { application_ids: number[]; title: string; contact: string };

/** publishNotice publishes applications in city review for the notice period from today (city officer, admin). */
export const publishNotice = ({ batchId, body }: { batchId: number; body: PublishNoticeInput }) =>
  unwrap(api.POST('/api/v1/batches/{id}/notices', { params: { path: { id: batchId } }, body }));

export function usePublishNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishNotice,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: noticesQueryKey });
      await queryClient.invalidateQueries({ queryKey: applicationsQueryKey });
    },
  });
}
