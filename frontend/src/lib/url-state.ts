import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * useUrlFilters keeps a list's filters, sort and page in the query string, so a filtered list
 * is linkable and survives a reload. Empty values are dropped from the URL.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();

  const values = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of keys) out[k] = params.get(k) ?? undefined;
    return out;
    // keys is a constant tuple at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);

  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('page_size'), 20);

  const update = useCallback(
    (changes: Partial<Record<K | 'page' | 'page_size', string | number | undefined | null>>, resetPage = true) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (resetPage && !('page' in changes)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  return { values, page, pageSize: Math.min(pageSize, 200), update };
}

function positiveInt(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}
