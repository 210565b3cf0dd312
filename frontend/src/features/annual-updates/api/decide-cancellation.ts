import { useMutation, useQueryClient } from '@tanstack/react-query';
import { qualificationsQueryKey } from '@/features/qualifications/api/get-qualifications';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { proposalsQueryKey } from './get-cancellation-proposals';

export type CancellationDecision = components['schemas']['CancellationDecision'];
export type Decision = 'confirm' | 'dismiss';

/** decideCancellation confirms (revoking the qualification) or dismisses a proposal, with the reason. */
export const decideCancellation = ({ id, decision, body }: { id: number; decision: Decision; body: CancellationDecision }) =>
  decision === 'confirm'
    ? unwrap(api.POST('/api/v1/cancellation-proposals/{id}/confirm', { params: { path: { id } }, body }))
    : unwrap(api.POST('/api/v1/cancellation-proposals/{id}/dismiss', { params: { path: { id } }, body }));

export function useDecideCancellation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideCancellation,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: proposalsQueryKey });
      await queryClient.invalidateQueries({ queryKey: qualificationsQueryKey });
    },
  });
}
