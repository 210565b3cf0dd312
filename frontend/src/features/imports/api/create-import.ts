import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { importQueryKey, importsQueryKey, type ImportKind } from './get-import';

/**
 * createImport uploads a file (.xlsx or .csv) of a kind as multipart (`kind`, `file`). The server
 * answers 202 with the import, validating; its rows are checked in the background.
 */
export const createImport = ({ kind, file }: { kind: ImportKind; file: File }) => {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/v1/imports', {
      // The contract's multipart body; FormData goes out as it is, with its boundary.
      body: form as unknown as { kind: ImportKind; file: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
};

export function useCreateImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createImport,
    onSuccess: (im) => {
      queryClient.setQueryData(importQueryKey(im.id), im);
      return queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'list'] });
    },
  });
}
