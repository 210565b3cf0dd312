import dayjs, { type Dayjs } from 'dayjs';
import { DATE_FORMAT } from '@/features/enterprises/components/enterprise-form-values';
import type { PoolEntryCreateInput } from '../api/create-entry';
import type { PoolEntry, PoolRow } from '../api/get-pool';
import type { PoolEntryPatchInput } from '../api/update-entry';

export type PoolEntryFormValues = { owner_id?: number; note?: string; follow_up_on?: Dayjs | null };

export function toPoolEntryFormValues(entry: PoolEntry | null, defaultOwner?: number): PoolEntryFormValues {
  if (!entry) return { owner_id: defaultOwner, note: '', follow_up_on: null };
  return { owner_id: entry.owner_id, note: entry.note ?? '', follow_up_on: entry.follow_up_on ? dayjs(entry.follow_up_on) : null };
}

const day = (v: Dayjs | null | undefined) => (v ? v.format(DATE_FORMAT) : null);

/** toPoolEntryCreate puts a row's enterprise into the pool of its target tier. */
export function toPoolEntryCreate(row: Pick<PoolRow, 'enterprise_id' | 'target_tier'>, v: PoolEntryFormValues): PoolEntryCreateInput {
  const body: PoolEntryCreateInput = {
    enterprise_id: row.enterprise_id,
    target_tier: row.target_tier,
    owner_id: v.owner_id as number,
    follow_up_on: day(v.follow_up_on),
  };
  const note = v.note?.trim();
  if (note) body.note = note;
  return body;
}

/** toPoolEntryPatch sends what changed, with the version read. */
export function toPoolEntryPatch(entry: PoolEntry, v: PoolEntryFormValues): PoolEntryPatchInput {
  const patch: PoolEntryPatchInput = { version: entry.version };
  if (v.owner_id !== undefined && v.owner_id !== entry.owner_id) patch.owner_id = v.owner_id;
  const note = v.note?.trim() || null;
  if (note !== (entry.note ?? null)) patch.note = note;
  const followUp = day(v.follow_up_on);
  if (followUp !== (entry.follow_up_on ?? null)) patch.follow_up_on = followUp;
  return patch;
}
