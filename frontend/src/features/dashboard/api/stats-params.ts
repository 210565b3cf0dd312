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
