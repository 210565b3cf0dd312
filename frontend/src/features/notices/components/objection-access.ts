import type { Role } from '@/features/auth/api/get-me';
import type { ObjectionStatus } from '../api/get-objections';

/** canSeeObjections: officers within their scope read objections (the server's route: admin, city, county). */
export const canSeeObjections = (role: Role) => role === 'admin' || role === 'city_officer' || role === 'county_officer';

/** canResolveObjections: the city decides on objections, as it recommends. */
export const canResolveObjections = (role: Role) => role === 'admin' || role === 'city_officer';

/** OBJECTION_STATUS_COLORS: an unresolved objection holds the recommendation up; an upheld one acted on the application. */
export const OBJECTION_STATUS_COLORS: Record<ObjectionStatus, string> = { open: 'warning', upheld: 'error', dismissed: 'default' };
