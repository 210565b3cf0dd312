import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorPage, ForbiddenPage } from '@/components/ErrorPages';
import { useMe, type Role } from '@/features/auth/api/get-me';
import { CurrentUserContext, hasRole, useCurrentUser } from '@/features/auth/components/current-user';
import { loginPathFor } from '@/lib/redirect';
import { FullPageSpin } from './layout/AppLayout';

/**
 * RequireAuth renders its children for a signed-in user and sends anyone else to /login,
 * remembering where they were going. A 401 on any call clears the user, which lands here.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { data: me, isPending, isError, refetch } = useMe();
  if (isPending) return <FullPageSpin />;
  if (isError) return <ErrorPage onRetry={() => void refetch()} />;
  if (!me) return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  return <CurrentUserContext.Provider value={me}>{children}</CurrentUserContext.Provider>;
}

/** RequireRole shows the 403 page to a role that has no business here. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useCurrentUser();
  return hasRole(me, roles) ? children : <ForbiddenPage />;
}
