import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type RegistrationInput = components['schemas']['RegistrationRequest'];

export const register = (body: RegistrationInput) => unwrap(api.POST('/api/v1/auth/register', { body }));

export const useRegister = () => useMutation({ mutationFn: register });
