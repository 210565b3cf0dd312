import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type PasswordChangeInput = components['schemas']['PasswordChange'];

export const changePassword = (body: PasswordChangeInput) => unwrap(api.POST('/api/v1/auth/password', { body }));

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
