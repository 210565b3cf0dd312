import { createContext, useContext } from 'react';
import type { Me, Role } from '../api/get-me';

export const CurrentUserContext = createContext<Me | null>(null);

/** useCurrentUser is the signed-in user inside the authenticated part of the app. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser outside a signed-in route');
  return me;
}

export function hasRole(me: Pick<Me, 'role'>, roles: readonly Role[]): boolean {
  return roles.includes(me.role);
}
