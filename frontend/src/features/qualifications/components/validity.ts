/** VALIDITY_YEARS: a qualification is valid for three years from the day it is granted. */
export const VALIDITY_YEARS = 3;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * validUntilOf is the last day a qualification granted on `granted` (YYYY-MM-DD) is valid: the
 * same day three years on, as the server counts it (a 29 February lands on the 28th in a common
 * year). Anything but a date gives undefined.
 */
export function validUntilOf(granted: string | null | undefined): string | undefined {
  const m = granted ? DATE_RE.exec(granted) : null;
  if (!m) return undefined;
  const year = Number(m[1]) + VALIDITY_YEARS;
  const month = Number(m[2]);
  let day = Number(m[3]);
  if (month === 2 && day === 29 && !isLeap(year)) day = 28;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
