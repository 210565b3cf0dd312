/**
 * StatsFilters are the filters every statistics endpoint takes: the date the figures are counted
 * as of (the server's today when absent), a region code, and an industry section or division.
 */
export type StatsFilters = { as_of?: string; region?: string; industry?: string };

/** statsQueryKey is the root of every statistics query. */
export const statsQueryKey = ['stats'] as const;

/** compact drops the empty filters, so that equal filters make equal query keys and clean URLs. */
export function compact<T extends Record<string, string | number | undefined | null>>(query: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(query) as [keyof T, T[keyof T]][]) {
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  return out;
}

/** The statistics tables, each of which also answers as an .xlsx workbook. */
export const STATS_TABLES = ['summary', 'by-region', 'by-industry', 'trend', 'pipeline'] as const;
export type StatsTable = (typeof STATS_TABLES)[number];

/**
 * statsExportUrl is a statistics table as .xlsx with the dashboard's filters (and, for the trend,
 * its years); `lang` names the headers' language, as a download link cannot set Accept-Language.
 */
export function statsExportUrl(table: StatsTable, query: Record<string, string | number | undefined>, lang: 'zh-CN' | 'en-US'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(compact(query))) params.set(key, String(value));
  params.set('format', 'xlsx');
  params.set('lang', lang);
  return `/api/v1/stats/${table}?${params.toString()}`;
}
