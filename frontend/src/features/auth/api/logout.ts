import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { meQueryKey } from './get-me';

export const logout = () => unwrap(api.POST('/api/v1/auth/logout'));

export function useLogout() {
  const queryClient = useQueryClient();
  const signedOut = () => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, null);
  };
  // The session is gone either way once the user asked to leave.
  return useMutation({ mutationFn: logout, onSuccess: signedOut, onError: signedOut });
}
