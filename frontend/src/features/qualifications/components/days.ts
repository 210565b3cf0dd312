const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function utc(date: string): number | undefined {
  const m = DATE_RE.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

/** daysBetween counts the calendar days from one date (YYYY-MM-DD) to another; undefined for a malformed one. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = utc(from);
  const b = utc(to);
  return a === undefined || b === undefined ? undefined : Math.round((b - a) / DAY_MS);
}
