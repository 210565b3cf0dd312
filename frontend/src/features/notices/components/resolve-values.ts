import type { Resolution } from '../api/resolve-objection';

export type ResolveOutcome = Resolution['outcome'];
export type ResolveAction = NonNullable<Resolution['action']>;
export type ResolveFormValues = { outcome?: ResolveOutcome; action?: ResolveAction; resolution?: string };

export const RESOLUTION_MAX = 2000;

/** toResolution is the body of a decision: an upheld objection names what happens to the application; a dismissed one does not. */
export function toResolution(values: ResolveFormValues, version: number): Resolution {
  const outcome = values.outcome ?? 'dismissed';
  return {
    outcome,
    ...(outcome === 'upheld' ? { action: values.action ?? 'return' } : {}),
    resolution: (values.resolution ?? '').trim(),
    version,
  };
}
