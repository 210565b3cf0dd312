import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api/errors';
import { notify } from '@/lib/notify';

/** reportBatchConflict: someone changed the batch first; the list and page show it as it is now. */
export function reportBatchConflict(t: TFunction, error: unknown): boolean {
  if (isApiError(error) && error.code === 'stale_version') {
    notify.warning(t('errors.staleVersion'));
    return true;
  }
  return false;
}
