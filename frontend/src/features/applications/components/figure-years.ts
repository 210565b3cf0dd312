import type { AnnualReport } from '@/features/annual-reports/api/get-annual-reports';

/** The criteria read the report year and the two before it (growth over the years). */
const YEARS_SHOWN = 3;

/** figureYears picks, of the years filed, the report year and the years before it that the criteria read, latest first. */
export function figureYears(reports: Pick<AnnualReport, 'year'>[], reportYear: number): number[] {
  return reports
    .map((r) => r.year)
    .filter((y) => y <= reportYear && y > reportYear - YEARS_SHOWN)
    .sort((a, b) => b - a);
}
