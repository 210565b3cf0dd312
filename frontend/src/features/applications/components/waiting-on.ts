import type { TFunction } from 'i18next';
import type { Application } from '../api/get-applications';

/** waitingOnText says whom an application waits on: the enterprise, a region's county review, the city. */
export function waitingOnText(t: TFunction, a: Pick<Application, 'waiting_on'>, regionName: (code: string) => string): string {
  const w = a.waiting_on;
  if (!w) return t('workflow.waitingOn.done');
  if (w.role === 'county_officer' && w.region_code) return t('workflow.waitingOn.county_officer_region', { region: regionName(w.region_code) });
  return t(`workflow.waitingOn.${w.role}`);
}
