import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegions, type Region } from '../api/get-regions';

/** regionLabel names a region in the UI language; a region entered without an English name keeps its Chinese one. */
export function regionLabel(region: Pick<Region, 'name' | 'name_en'>, lang: string): string {
  return (lang === 'en-US' && region.name_en) || region.name;
}

/** useRegionName names a region code in the UI language (`fallback`, or the code, until regions load). */
export function useRegionName() {
  const { i18n } = useTranslation();
  const { data } = useRegions();
  return useCallback(
    (code: string | null | undefined, fallback?: string | null) => {
      if (!code) return '';
      const region = data?.items.find((r) => r.code === code);
      return region ? regionLabel(region, i18n.language) : (fallback ?? code);
    },
    [data, i18n.language],
  );
}
