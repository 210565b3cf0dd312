import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { enterprise } from '@/testing/fixtures';
import { toCreateBody, toFormValues, toPatch } from './enterprise-form-values';

describe('enterprise form values', () => {
  it('round-trips a record without changes into an empty patch', () => {
    const e = enterprise();
    expect(toPatch(toFormValues(e), e)).toEqual({ version: 4 });
  });

  it('sends changed fields only, dates as YYYY-MM-DD and blanks as null', () => {
    const e = enterprise();
    const values = { ...toFormValues(e), founded_on: dayjs('2016-07-09'), address: '  ', strategic_emerging: 'unknown' as const, tags: ['上市后备', '高新'] };
    expect(toPatch(values, e)).toEqual({
      version: 4,
      founded_on: '2016-07-09',
      address: null,
      strategic_emerging: null,
      tags: ['上市后备', '高新'],
    });
  });

  it('sends the override together with a new credit code', () => {
    const e = enterprise({ credit_code_override: true });
    expect(toPatch({ ...toFormValues(e), credit_code: '91445200ma4uqx2y1c' }, e)).toEqual({
      version: 4,
      credit_code: '91445200MA4UQX2Y1C',
      credit_code_override: true,
    });
  });

  it('builds a create body without an unticked override', () => {
    const body = toCreateBody({ name: ' 新公司 ', credit_code: '91445200ma4uqx2y1b', region_code: '445202', industry_code: 'C34' });
    expect(body).toMatchObject({ name: '新公司', credit_code: '91445200MA4UQX2Y1B', region_code: '445202', industry_code: 'C34', tags: [] });
    expect(body.credit_code_override).toBeUndefined();
    expect(body.founded_on).toBeNull();
  });
});
