import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cultivationQueryKey } from '@/features/cultivation/api/get-pool';
import { enterprisesQueryKey } from '@/features/enterprises/api/get-enterprises';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type AnnualReportPutInput = components['schemas']['AnnualReportPut'];

/** putAnnualReport files a new year (no version: 201) or replaces a filed one (the version read: 200). */
export const putAnnualReport = ({ enterpriseId, year, body }: { enterpriseId: number; year: number; body: AnnualReportPutInput }) =>
  unwrap(api.PUT('/api/v1/enterprises/{id}/annual-reports/{year}', { params: { path: { id: enterpriseId, year } }, body }));

export function usePutAnnualReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putAnnualReport,
    // The figures move the size class (on the enterprise and in lists), the self-check and the pool.
    // A stale version also needs the fresh figures, so refresh on failure too.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: enterprisesQueryKey }),
        queryClient.invalidateQueries({ queryKey: cultivationQueryKey }),
      ]),
  });
}
