/** Dates and times shown in the UI language's own way. */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** formatDate shows a calendar date (`YYYY-MM-DD`) without any time-zone shift. */
export function formatDate(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const m = DATE_RE.exec(value);
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** formatDateTime shows an RFC 3339 instant in the browser's time zone. */
export function formatDateTime(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** formatNumber shows an integer or decimal with the language's grouping. */
export function formatNumber(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(lang).format(value);
}

/** YUAN_PER_WAN: money is stored in whole yuan and shown to officers in 万元. */
export const YUAN_PER_WAN = 10_000;

/** yuanToWan turns integer yuan into 万元 for an input; missing stays missing. */
export function yuanToWan(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null;
  return yuan / YUAN_PER_WAN;
}

/** wanToYuan turns 万元 (up to 4 decimals) into whole yuan, rounded; an empty input is missing (null), never 0. */
export function wanToYuan(wan: number | null | undefined): number | null {
  if (wan === null || wan === undefined || Number.isNaN(wan)) return null;
  return Math.round(wan * YUAN_PER_WAN);
}

/** formatWan shows integer yuan as 万元, with up to 4 decimals (exact to the yuan). */
export function formatWan(yuan: number | null | undefined, lang: string): string {
  if (yuan === null || yuan === undefined) return '';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 4 }).format(yuan / YUAN_PER_WAN);
}

/** formatPercent shows a share or ratio (0.88) as a percentage (88%), with up to 2 decimals. */
export function formatPercent(ratio: number | null | undefined, lang: string): string {
  if (ratio === null || ratio === undefined) return '';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(ratio);
}

/** shareToPercent turns a share (0.014) into the percentage an input shows (1.4), without float noise. */
export function shareToPercent(share: number | null | undefined): number | null {
  if (share === null || share === undefined) return null;
  return Math.round(share * 1_000_000) / 10_000;
}

/** percentToShare turns a percentage input (1.4) back into a share (0.014); empty is missing. */
export function percentToShare(percent: number | null | undefined): number | null {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return null;
  return Math.round(percent * 10_000) / 1_000_000;
}

/** hasAtMostDecimals says whether a number needs no more than `digits` decimals. */
export function hasAtMostDecimals(value: number, digits: number): boolean {
  const scaled = value * 10 ** digits;
  // Tolerate the float error of the multiplication only (a few units in the last place).
  return Math.abs(scaled - Math.round(scaled)) <= Math.max(1e-6, Math.abs(scaled) * 8 * Number.EPSILON);
}
