import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { batch } from '@/testing/workflow-fixtures';
import { newBatchFormValues, toBatchCreate, toBatchFormValues, toBatchPatch } from './batch-form-values';

describe('batch form values', () => {
  it('starts a new batch as an innovative SME recognition of this year, with the ruleset left to the server', () => {
    expect(newBatchFormValues(dayjs('2026-11-27'))).toEqual({ tier: 'innovative_sme', kind: 'recognition', year: 2026, name: '', ruleset: undefined, window: null });
  });

  it('sends a new batch with its window as calendar dates, the name trimmed, and no ruleset unless chosen', () => {
    const body = toBatchCreate({ tier: 'specialized_sme', kind: 'review', year: 2027, name: '  2027年专精特新复核 ', window: [dayjs('2027-03-01'), dayjs('2027-04-30')] });
    expect(body).toEqual({ tier: 'specialized_sme', kind: 'review', year: 2027, name: '2027年专精特新复核', opens_on: '2027-03-01', closes_on: '2027-04-30' });
    expect(toBatchCreate({ ...newBatchFormValues(dayjs('2026-01-01')), name: 'x', ruleset: 'miit-2026', window: [dayjs('2026-04-01'), dayjs('2026-05-01')] }).ruleset).toBe('miit-2026');
  });

  it('round-trips a batch through the form', () => {
    const b = batch();
    const v = toBatchFormValues(b);
    expect(v.window?.map((d) => d?.format('YYYY-MM-DD'))).toEqual(['2026-11-01', '2026-12-31']);
    expect(toBatchPatch(v, b)).toEqual({ version: 1 });
  });

  it('patches only what changed, with the version read', () => {
    const b = batch({ version: 4 });
    const v = { ...toBatchFormValues(b), name: ' 新名称 ', window: [dayjs('2026-11-01'), dayjs('2027-01-15')] as [dayjs.Dayjs, dayjs.Dayjs], ruleset: 'miit-2026' };
    expect(toBatchPatch(v, b)).toEqual({ version: 4, name: '新名称', closes_on: '2027-01-15', ruleset: 'miit-2026' });
  });
});
