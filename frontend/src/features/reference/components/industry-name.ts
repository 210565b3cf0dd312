import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndustries } from '../api/get-industries';

/**
 * useIndustryName names a section or division code in the UI language from the reference data
 * (which carries both languages); until that loads, or for an unknown code, it uses `fallback`.
 */
export function useIndustryName() {
  const { i18n } = useTranslation();
  const { data } = useIndustries();
  const names = useMemo(() => {
    const map = new Map<string, { name: string; name_en: string }>();
    for (const s of data?.items ?? []) {
      map.set(s.code, s);
      for (const d of s.divisions) map.set(d.code, d);
    }
    return map;
  }, [data]);
  return useCallback(
    (code: string | null | undefined, fallback?: string | null) => {
      if (!code) return '';
      const found = names.get(code);
      if (!found) return fallback ?? code;
      return i18n.language === 'en-US' ? found.name_en : found.name;
    },
    [names, i18n.language],
  );
}
