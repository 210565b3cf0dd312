import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { applicationQueryKey } from './get-application';

export const deleteAttachment = ({ applicationId, attachmentId }: { applicationId: number; attachmentId: number }) =>
  unwrap(
    api.DELETE('/api/v1/applications/{id}/attachments/{attachment_id}', {
      params: { path: { id: applicationId, attachment_id: attachmentId } },
    }),
  );

export function useDeleteAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAttachment,
    onSettled: (_data, _error, { applicationId }) => queryClient.invalidateQueries({ queryKey: applicationQueryKey(applicationId) }),
  });
}
