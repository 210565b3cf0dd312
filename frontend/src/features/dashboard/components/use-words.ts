import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import type { Tier } from './dashboard-data';

/** signed shows a change with its sign (+3, −2, 0) in the language's own way. */
export function formatSigned(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { signDisplay: 'exceptZero' }).format(n);
}

/** signedPercent shows a ratio of change (0.25) as a signed percentage (+25%), to one decimal. */
export function formatSignedPercent(ratio: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(ratio);
}

/** useWords is how the dashboard names tiers and writes numbers and dates in the UI language. */
export function useWords() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const number = new Intl.NumberFormat(lang);
    return {
      lang,
      tierName: (tier: Tier) => t(`tiers.${tier}`),
      number: (n: number) => number.format(n),
      signed: (n: number) => formatSigned(n, lang),
      signedPercent: (ratio: number) => formatSignedPercent(ratio, lang),
      date: (d: string) => formatDate(d, lang),
    };
  }, [t, lang]);
}

export type DashboardWords = ReturnType<typeof useWords>;
