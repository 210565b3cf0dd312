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
