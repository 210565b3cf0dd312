/** TriState is a yes/no question whose answer may not be known yet (null on the wire). */
export type TriState = 'yes' | 'no' | 'unknown';

export function toTriState(v: boolean | null | undefined): TriState {
  if (v === null || v === undefined) return 'unknown';
  return v ? 'yes' : 'no';
}

export function fromTriState(v: TriState | null | undefined): boolean | null {
  if (v === 'yes') return true;
  if (v === 'no') return false;
  return null;
}
