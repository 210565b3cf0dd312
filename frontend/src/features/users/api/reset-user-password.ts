import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const resetUserPassword = ({ id, password }: { id: number; password: string }) =>
  unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { password } }));

export const useResetUserPassword = () => useMutation({ mutationFn: resetUserPassword });
