import { useTranslation } from 'react-i18next';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import type { Batch } from '../api/get-batches';
import { useUpdateBatch } from '../api/update-batch';
import { reportBatchConflict } from './batch-errors';

/** useCloseEarly closes a batch today (close) or undoes an early close (reopen). */
export function useCloseEarly() {
  const { t } = useTranslation();
  const update = useUpdateBatch();
  const closeEarly = (b: Batch, close: boolean) =>
    update.mutate(
      { id: b.id, patch: { close_early: close, version: b.version } },
      {
        onSuccess: () => notify.success(t(close ? 'workflow.batches.closedNow' : 'workflow.batches.reopened')),
        onError: (e) => {
          if (!reportBatchConflict(t, e)) handleApiError(e);
        },
      },
    );
  return { closeEarly, isPending: update.isPending };
}
