import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { poolEntry, poolRow } from '@/testing/fixtures';
import { toPoolEntryCreate, toPoolEntryFormValues, toPoolEntryPatch } from './pool-entry-values';

describe('pool entry values', () => {
  it('puts a row into the pool of its target tier, without an empty note', () => {
    const row = poolRow({ enterprise_id: 9, target_tier: 'little_giant' });
    expect(toPoolEntryCreate(row, { owner_id: 3, note: '  ', follow_up_on: null })).toEqual({
      enterprise_id: 9,
      target_tier: 'little_giant',
      owner_id: 3,
      follow_up_on: null,
    });
    expect(toPoolEntryFormValues(null, 3)).toEqual({ owner_id: 3, note: '', follow_up_on: null });
  });

  it('sends what changed with the version read, a cleared note or date as null', () => {
    const entry = poolEntry();
    expect(toPoolEntryPatch(entry, toPoolEntryFormValues(entry))).toEqual({ version: 2 });
    expect(toPoolEntryPatch(entry, { owner_id: 2, note: '', follow_up_on: dayjs('2027-03-01') })).toEqual({
      version: 2,
      owner_id: 2,
      note: null,
      follow_up_on: '2027-03-01',
    });
    expect(toPoolEntryPatch(entry, { ...toPoolEntryFormValues(entry), follow_up_on: null })).toEqual({ version: 2, follow_up_on: null });
  });
});
