import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api/errors';
import i18n from '@/lib/i18n';
import { notify } from '@/lib/notify';

// Statuses a page shows itself: 401 goes to sign-in, 403 and 404 render their pages.
const SHOWN_BY_PAGE = new Set([401, 403, 404]);

/** makeQueryClient builds the app's query client: quiet on the errors pages show, a toast otherwise. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        if (isApiError(error) && SHOWN_BY_PAGE.has(error.status)) return;
        // A query whose page shows its own errors (a 422 on a chosen filter, say) needs no toast.
        if (query.meta?.errorShownByPage) return;
        notify.error(isApiError(error) ? error.message : i18n.t('errors.unknown'));
      },
    }),
    // Mutations report their errors where they are made (handleApiError), next to the form.
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 1;
        },
      },
      mutations: { retry: false },
    },
  });
}
