import type { Role } from '@/features/auth/api/get-me';

/** canManageBatches: the city officer and the admin run batches; everyone else reads them. */
export const canManageBatches = (role: Role) => role === 'city_officer' || role === 'admin';
