import type { Role } from '@/features/auth/api/get-me';
import type { QualificationDetail } from '../api/get-qualification';

/** canRevoke: the city (or the admin) revokes a qualification that is neither revoked nor past its validity; the server decides. */
export function canRevoke(role: Role, q: Pick<QualificationDetail, 'revoked_on' | 'status'>): boolean {
  return (role === 'city_officer' || role === 'admin') && q.revoked_on === null && q.status !== 'expired' && q.status !== 'revoked';
}
