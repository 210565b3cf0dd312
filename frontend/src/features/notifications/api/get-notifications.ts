import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Page } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Notification = components['schemas']['Notification'];
export type NotificationKind = Notification['kind'];
export type NotificationList = Page<Notification> & { unread: number };

export const notificationsQueryKey = ['notifications'] as const;

/** How many of the latest notices the bell lists. */
export const BELL_PAGE_SIZE = 10;
/** How often the bell asks for new notices. */
export const BELL_REFRESH_MS = 60_000;

export const getNotifications = (pageSize = BELL_PAGE_SIZE) =>
  unwrap(api.GET('/api/v1/notifications', { params: { query: { page_size: pageSize } } })) as Promise<NotificationList>;

export const notificationsQueryOptions = () =>
  queryOptions({
    queryKey: [...notificationsQueryKey, 'latest'],
    queryFn: () => getNotifications(),
    refetchInterval: BELL_REFRESH_MS,
    // The bell is no page: a failure leaves it quiet rather than raising a toast every minute.
    meta: { errorShownByPage: true },
  });

export const useNotifications = () => useQuery(notificationsQueryOptions());
