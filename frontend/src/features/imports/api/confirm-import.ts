import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { importQueryKey, importsQueryKey } from './get-import';

/** confirmImport writes an import whose rows are all good (202, importing); 409 when it is not ready. */
export const confirmImport = (id: number) => unwrap(api.POST('/api/v1/imports/{id}/confirm', { params: { path: { id } } }));

export function useConfirmImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmImport,
    onSuccess: (im) => queryClient.setQueryData(importQueryKey(im.id), im),
    // Refused or not, the import and the list are asked again for how they stand now.
    onSettled: (_data, _error, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: importQueryKey(id) }),
        queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'list'] }),
      ]),
  });
}
