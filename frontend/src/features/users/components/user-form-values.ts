import type { Role } from '@/features/auth/api/get-me';
import type { UserCreateInput } from '../api/create-user';
import type { User } from '../api/get-users';
import type { UserPatchInput } from '../api/update-user';

export type UserFormValues = {
  username?: string;
  password?: string;
  display_name: string;
  phone?: string;
  role: Role;
  region_code?: string;
  enterprise_id?: number;
  status?: 'active' | 'disabled';
};

export const ROLES: Role[] = ['admin', 'city_officer', 'county_officer', 'leader', 'enterprise'];

/** The role decides the binding: a county officer has a region, an enterprise user an enterprise. */
function binding(role: Role, region?: string | null, enterprise?: number | null) {
  return {
    region_code: role === 'county_officer' ? (region ?? null) : null,
    enterprise_id: role === 'enterprise' ? (enterprise ?? null) : null,
  };
}

export function toUserFormValues(u: User): UserFormValues {
  return {
    display_name: u.display_name,
    phone: u.phone ?? '',
    role: u.role,
    region_code: u.region_code ?? undefined,
    enterprise_id: u.enterprise_id ?? undefined,
    status: u.status === 'active' || u.status === 'disabled' ? u.status : undefined,
  };
}

export function toUserCreate(v: UserFormValues): UserCreateInput {
  return {
    username: (v.username ?? '').trim(),
    password: v.password ?? '',
    display_name: v.display_name.trim(),
    phone: v.phone?.trim() || null,
    role: v.role,
    ...binding(v.role, v.region_code, v.enterprise_id),
  };
}

/** toUserPatch sends what changed, with the version read; a role change always names its binding. */
export function toUserPatch(v: UserFormValues, u: User): UserPatchInput {
  const patch: UserPatchInput = { version: u.version };
  const name = v.display_name.trim();
  if (name !== u.display_name) patch.display_name = name;
  const phone = v.phone?.trim() || null;
  if (phone !== (u.phone ?? null)) patch.phone = phone;
  if (v.role !== u.role) patch.role = v.role;
  const next = binding(v.role, v.region_code, v.enterprise_id);
  const before = binding(u.role, u.region_code, u.enterprise_id);
  if (v.role !== u.role || next.region_code !== before.region_code || next.enterprise_id !== before.enterprise_id) {
    patch.region_code = next.region_code;
    patch.enterprise_id = next.enterprise_id;
  }
  if (v.status && v.status !== u.status) patch.status = v.status;
  return patch;
}
