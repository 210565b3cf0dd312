import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { applicationsQueryKey } from './get-applications';

export type ApplicationDetail = components['schemas']['ApplicationDetail'];
export type ApplicationStep = ApplicationDetail['steps'][number];
export type Attachment = components['schemas']['Attachment'];

export const applicationQueryKey = (id: number) => [...applicationsQueryKey, 'detail', id] as const;

export const getApplication = (id: number) => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } } }));

export const applicationQueryOptions = (id: number) =>
  queryOptions({ queryKey: applicationQueryKey(id), queryFn: () => getApplication(id) });

export const useApplication = (id: number) => useQuery({ ...applicationQueryOptions(id), enabled: id > 0 });

/** attachmentUrl is where an attachment downloads from (the session cookie rides along). */
export const attachmentUrl = (applicationId: number, attachmentId: number) =>
  `/api/v1/applications/${applicationId}/attachments/${attachmentId}`;
