import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Page } from '@/lib/api/client';
import type { operations } from '@/lib/api/schema';
import { importsQueryKey, isRunning, type Import } from './get-import';

export type ImportListParams = NonNullable<operations['listImports']['parameters']['query']>;

/** The list refreshes less often than the open import, only while one of its rows runs. */
const LIST_POLL_MS = 3000;

// The contract's Page types its items loosely; the items are imports.
export const getImports = (query: ImportListParams) => unwrap(api.GET('/api/v1/imports', { params: { query } })) as Promise<Page<Import>>;

export const importsListQueryOptions = (query: ImportListParams) =>
  queryOptions({
    queryKey: [...importsQueryKey, 'list', query],
    queryFn: () => getImports(query),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((im) => isRunning(im.status)) ? LIST_POLL_MS : false),
    meta: { errorShownByPage: true },
  });

export const useImports = (query: ImportListParams) => useQuery(importsListQueryOptions(query));
