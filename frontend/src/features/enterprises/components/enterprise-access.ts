import type { Me } from '@/features/auth/api/get-me';
import type { Enterprise } from '../api/get-enterprises';

export const OFFICER_ROLES = ['admin', 'city_officer', 'county_officer'] as const;

export function isOfficer(me: Pick<Me, 'role'>): boolean {
  return (OFFICER_ROLES as readonly string[]).includes(me.role);
}

/** canEditEnterprise mirrors the server's rule, to hide an edit it would refuse. */
export function canEditEnterprise(me: Pick<Me, 'role' | 'region_code' | 'enterprise_id'>, e: Pick<Enterprise, 'id' | 'region_code'>): boolean {
  switch (me.role) {
    case 'admin':
    case 'city_officer':
      return true;
    case 'county_officer':
      return me.region_code === e.region_code;
    case 'enterprise':
      return me.enterprise_id === e.id;
    default:
      return false;
  }
}

/** Fields an enterprise user sees but may not change on its own record (the server answers 403). */
export const ENTERPRISE_USER_READONLY = ['name', 'credit_code', 'region_code', 'liaison_officer_id', 'tags'] as const;
