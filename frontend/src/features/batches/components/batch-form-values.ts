import dayjs, { type Dayjs } from 'dayjs';
import type { Tier } from '@/features/eligibility/api/get-eligibility';
import { DATE_FORMAT } from '@/features/enterprises/components/enterprise-form-values';
import type { BatchCreateInput } from '../api/create-batch';
import type { Batch, BatchKind } from '../api/get-batches';
import type { BatchPatchInput } from '../api/update-batch';

export type BatchFormValues = {
  tier?: Tier;
  kind?: BatchKind;
  year?: number;
  name?: string;
  /** Empty: the ruleset in force on the opening day (the server's choice). */
  ruleset?: string;
  window?: [Dayjs | null, Dayjs | null] | null;
};

const day = (v: Dayjs | null | undefined) => (v ? v.format(DATE_FORMAT) : '');

export function newBatchFormValues(today: Dayjs = dayjs()): BatchFormValues {
  return { tier: 'innovative_sme', kind: 'recognition', year: today.year(), name: '', ruleset: undefined, window: null };
}

export function toBatchFormValues(b: Batch): BatchFormValues {
  return { tier: b.tier, kind: b.kind, year: b.year, name: b.name, ruleset: b.ruleset, window: [dayjs(b.opens_on), dayjs(b.closes_on)] };
}

export function toBatchCreate(v: BatchFormValues): BatchCreateInput {
  const body: BatchCreateInput = {
    tier: v.tier as Tier,
    kind: v.kind as BatchKind,
    year: v.year as number,
    name: (v.name ?? '').trim(),
    opens_on: day(v.window?.[0]),
    closes_on: day(v.window?.[1]),
  };
  if (v.ruleset) body.ruleset = v.ruleset;
  return body;
}

/** toBatchPatch sends what changed (name, window, ruleset), with the version read. */
export function toBatchPatch(v: BatchFormValues, b: Batch): BatchPatchInput {
  const patch: BatchPatchInput = { version: b.version };
  const name = (v.name ?? '').trim();
  if (name !== b.name) patch.name = name;
  const opens = day(v.window?.[0]);
  const closes = day(v.window?.[1]);
  if (opens && opens !== b.opens_on) patch.opens_on = opens;
  if (closes && closes !== b.closes_on) patch.closes_on = closes;
  if (v.ruleset && v.ruleset !== b.ruleset) patch.ruleset = v.ruleset;
  return patch;
}
