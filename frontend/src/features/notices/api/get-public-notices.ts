import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type PublicNotice = components['schemas']['PublicNotice'];
export type NoticeEntry = PublicNotice['entries'][number];

/** noticesQueryKey is what publishing a notice or lodging an objection invalidates. */
export const noticesQueryKey = ['notices'] as const;

export const getPublicNotices = () => unwrap(api.GET('/api/v1/public/notices')) as Promise<{ items: PublicNotice[]; total: number }>;

export const getPublicNotice = (id: number) => unwrap(api.GET('/api/v1/public/notices/{id}', { params: { path: { id } } }));

export const publicNoticesQueryOptions = () => queryOptions({ queryKey: [...noticesQueryKey, 'public'], queryFn: getPublicNotices });

export const publicNoticeQueryOptions = (id: number) => queryOptions({ queryKey: [...noticesQueryKey, 'public', id], queryFn: () => getPublicNotice(id) });

/** usePublicNotices: the notices open now or ended within 30 days; no sign-in. */
export const usePublicNotices = () => useQuery(publicNoticesQueryOptions());

export const usePublicNotice = (id: number) => useQuery({ ...publicNoticeQueryOptions(id), enabled: id > 0 });

/** publicNoticePath is the notice's page for the public (outside the signed-in shell). */
export const publicNoticePath = (id: number) => `/notices/${id}`;
