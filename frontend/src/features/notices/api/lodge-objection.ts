import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export type ObjectionInput = { application_id: number; name: string; phone: string; reasons: string; files: File[] };

/** lodgeObjection sends an objection as the multipart form the server reads (no sign-in). */
export const lodgeObjection = ({ noticeId, input }: { noticeId: number; input: ObjectionInput }) => {
  const form = new FormData();
  form.append('application_id', String(input.application_id));
  form.append('name', input.name);
  form.append('phone', input.phone);
  form.append('reasons', input.reasons);
  for (const file of input.files) form.append('files', file, file.name);
  return unwrap(
    api.POST('/api/v1/public/notices/{id}/objections', {
      params: { path: { id: noticeId } },
      // The contract's multipart body; FormData goes out as it is, with its boundary.
      body: form as unknown as { application_id: number; name: string; phone: string; reasons: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
};

export const useLodgeObjection = () => useMutation({ mutationFn: lodgeObjection });
