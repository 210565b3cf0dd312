import { describe, expect, it } from 'vitest';
import type { User } from '../api/get-users';
import { toUserCreate, toUserFormValues, toUserPatch } from './user-form-values';

const user = (overrides: Partial<User> = {}): User => ({
  id: 5,
  username: 'county2',
  display_name: '县区二',
  phone: null,
  role: 'county_officer',
  region_code: '445203',
  enterprise_id: null,
  enterprise_name: null,
  status: 'active',
  version: 2,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
  last_login_at: null,
  ...overrides,
});

describe('user form values', () => {
  it('sends nothing but the version when nothing changed', () => {
    const u = user();
    expect(toUserPatch(toUserFormValues(u), u)).toEqual({ version: 2 });
  });

  it('names the new binding when the role changes', () => {
    const u = user();
    expect(toUserPatch({ ...toUserFormValues(u), role: 'enterprise', enterprise_id: 9 }, u)).toEqual({
      version: 2,
      role: 'enterprise',
      region_code: null,
      enterprise_id: 9,
    });
  });

  it('disables a user', () => {
    const u = user();
    expect(toUserPatch({ ...toUserFormValues(u), status: 'disabled' }, u)).toEqual({ version: 2, status: 'disabled' });
  });

  it('leaves a pending user pending unless a status is chosen', () => {
    const u = user({ status: 'pending' });
    expect(toUserFormValues(u).status).toBeUndefined();
    expect(toUserPatch(toUserFormValues(u), u)).toEqual({ version: 2 });
  });

  it('binds only what the role needs on create', () => {
    expect(
      toUserCreate({ username: ' lead2 ', password: 'abc12345', display_name: '领导二', role: 'leader', region_code: '445202', enterprise_id: 3 }),
    ).toEqual({ username: 'lead2', password: 'abc12345', display_name: '领导二', phone: null, role: 'leader', region_code: null, enterprise_id: null });
  });
});
