import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { NotFoundPage } from '@/components/ErrorPages';
import { RouteErrorElement } from '@/components/ErrorBoundary';
import type { Role } from '@/features/auth/api/get-me';
import { RequireAuth, RequireRole } from './guards';
import { Landing, NoEnterprise } from './landing';
import { AppLayout, FullPageSpin } from './layout/AppLayout';
import { ROUTE_ROLES } from './layout/menu';

type RouteModule = { Component: React.ComponentType };

/** guarded lazily loads a page and shows the 403 page to roles that may not open it. */
function guarded(roles: readonly Role[] | undefined, load: () => Promise<RouteModule>): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const { Component } = await load();
      return {
        Component: roles
          ? () => (
              <RequireRole roles={roles}>
                <Component />
              </RequireRole>
            )
          : Component,
      };
    },
  };
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorElement />,
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      { path: '/login', ...guarded(undefined, () => import('@/features/auth/routes/login')) },
      { path: '/register', ...guarded(undefined, () => import('@/features/auth/routes/register')) },
      // The public notices (公示) are for anyone, without signing in.
      { path: '/notices', ...guarded(undefined, () => import('@/features/notices/routes/public-list')) },
      { path: '/notices/:id', ...guarded(undefined, () => import('@/features/notices/routes/public-detail')) },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          {
            errorElement: <RouteErrorElement />,
            children: [
              { index: true, element: <Landing /> },
              { path: 'dashboard', ...guarded(ROUTE_ROLES.dashboard, () => import('@/features/dashboard/routes/dashboard')) },
              { path: 'enterprises', ...guarded(ROUTE_ROLES.enterprises, () => import('@/features/enterprises/routes/list')) },
              { path: 'enterprises/new', ...guarded(ROUTE_ROLES.enterpriseCreate, () => import('@/features/enterprises/routes/new')) },
              { path: 'enterprises/:id', ...guarded(undefined, () => import('@/features/enterprises/routes/detail')) },
              { path: 'enterprises/:id/edit', ...guarded(ROUTE_ROLES.enterpriseEdit, () => import('@/features/enterprises/routes/edit')) },
              // The other tabs of an enterprise's page (facts, figures, self-check); `edit` above wins over `:tab`.
              { path: 'enterprises/:id/:tab', ...guarded(undefined, () => import('@/features/enterprises/routes/detail')) },
              { path: 'cultivation', ...guarded(ROUTE_ROLES.cultivation, () => import('@/features/cultivation/routes/list')) },
              // An open import's id is in the path, so that a reload finds it and goes on following its job.
              { path: 'imports', ...guarded(ROUTE_ROLES.imports, () => import('@/features/imports/routes/imports')) },
              { path: 'imports/:id', ...guarded(ROUTE_ROLES.imports, () => import('@/features/imports/routes/imports')) },
              { path: 'review', ...guarded(ROUTE_ROLES.review, () => import('@/features/applications/routes/review')) },
              { path: 'applications', ...guarded(ROUTE_ROLES.applications, () => import('@/features/applications/routes/list')) },
              { path: 'applications/:id', ...guarded(ROUTE_ROLES.applications, () => import('@/features/applications/routes/detail')) },
              { path: 'batches', ...guarded(ROUTE_ROLES.batches, () => import('@/features/batches/routes/list')) },
              { path: 'batches/:id', ...guarded(ROUTE_ROLES.batches, () => import('@/features/batches/routes/detail')) },
              { path: 'qualifications', ...guarded(ROUTE_ROLES.qualifications, () => import('@/features/qualifications/routes/list')) },
              { path: 'my-qualifications', ...guarded(ROUTE_ROLES.myQualifications, () => import('@/features/qualifications/routes/mine')) },
              { path: 'registrations', ...guarded(ROUTE_ROLES.registrations, () => import('@/features/registrations/routes/list')) },
              { path: 'users', ...guarded(ROUTE_ROLES.users, () => import('@/features/users/routes/list')) },
              { path: 'regions', ...guarded(ROUTE_ROLES.regions, () => import('@/features/regions/routes/list')) },
              { path: 'audit', ...guarded(ROUTE_ROLES.audit, () => import('@/features/audit/routes/list')) },
              { path: 'annual-updates', ...guarded(ROUTE_ROLES.annualUpdates, () => import('@/features/annual-updates/routes/list')) },
              { path: 'cancellation-proposals', ...guarded(ROUTE_ROLES.cancellationProposals, () => import('@/features/annual-updates/routes/proposals')) },
              { path: 'no-enterprise', element: <NoEnterprise /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);

/** createTestRouter runs the same routes in memory, starting at `path`. */
export const createTestRouter = (path: string) => createMemoryRouter(routes, { initialEntries: [path] });
