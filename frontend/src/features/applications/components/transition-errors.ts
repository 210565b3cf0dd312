import type { TFunction } from 'i18next';
import { isApiError } from '@/lib/api/errors';
import { notify } from '@/lib/notify';

/**
 * reportConflict handles the two refusals that mean "what you saw is no longer so": a stale
 * version (someone acted first) and an action the state no longer offers. Both leave the
 * application unchanged; the mutation has already asked for it afresh, so the page shows it as it
 * is now. It returns whether the error was one of them.
 */
export function reportConflict(t: TFunction, error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.code === 'stale_version') {
    notify.warning(t('errors.staleVersion'));
    return true;
  }
  if (error.code === 'invalid_transition') {
    notify.warning(t('workflow.detail.invalidTransition'));
    return true;
  }
  return false;
}
