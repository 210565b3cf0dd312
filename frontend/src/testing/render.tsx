import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { createTestRouter } from '@/app/router';
import type { Me } from '@/features/auth/api/get-me';
import { CurrentUserContext } from '@/features/auth/components/current-user';
import { makeQueryClient } from '@/lib/query-client';

/** renderApp renders the whole app, routes and all, starting at `path`. */
export function renderApp(path: string) {
  const router = createTestRouter(path);
  const queryClient = makeQueryClient();
  const utils = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...utils, router, queryClient };
}

/** renderWithProviders renders one piece of UI with the app's providers, a router and (optionally) a user. */
export function renderWithProviders(ui: ReactNode, { me, path = '/' }: { me?: Me; path?: string } = {}) {
  const content = me ? <CurrentUserContext.Provider value={me}>{ui}</CurrentUserContext.Provider> : ui;
  const router = createMemoryRouter(
    [
      { path: '*', element: content },
    ],
    { initialEntries: [path] },
  );
  const queryClient = makeQueryClient();
  const utils = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...utils, router, queryClient };
}
