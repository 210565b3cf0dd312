import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { applicationQueryKey } from './get-application';

/** MAX_ATTACHMENT_BYTES is the server's limit on one attachment (20 MiB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** uploadAttachment attaches a PDF, JPEG or PNG (the server checks the content) to an editable application. */
export const uploadAttachment = ({ applicationId, file }: { applicationId: number; file: File }) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/v1/applications/{id}/attachments', {
      params: { path: { id: applicationId } },
      // The contract's multipart body; FormData goes out as it is, with its boundary.
      body: form as unknown as { file: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
};

export function useUploadAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadAttachment,
    onSettled: (_data, _error, { applicationId }) => queryClient.invalidateQueries({ queryKey: applicationQueryKey(applicationId) }),
  });
}
