import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Import = components['schemas']['Import'];
export type ImportKind = Import['kind'];
export type ImportStatus = Import['status'];
export type ImportRowError = Import['errors'][number];

export const importsQueryKey = ['imports'] as const;
export const importQueryKey = (id: number) => [...importsQueryKey, 'detail', id] as const;

/** POLL_MS is how often a running import (validating, importing) is asked for its progress. */
export const POLL_MS = 1000;

/** isRunning says whether a job is still working on the import, so that it is worth asking again. */
export const isRunning = (status: ImportStatus | undefined) => status === 'validating' || status === 'importing';

export const getImport = (id: number) => unwrap(api.GET('/api/v1/imports/{id}', { params: { path: { id } } }));

export const importQueryOptions = (id: number) =>
  queryOptions({
    queryKey: importQueryKey(id),
    queryFn: () => getImport(id),
    // Asked again while its job runs; a finished import changes no more.
    refetchInterval: (query) => (isRunning(query.state.data?.status) ? POLL_MS : false),
    staleTime: 0,
    // A poll that fails while a long write holds the database is said on the page, once, not as a toast a second.
    meta: { errorShownByPage: true },
  });

export const useImport = (id: number | undefined) => useQuery({ ...importQueryOptions(id ?? 0), enabled: id !== undefined });
