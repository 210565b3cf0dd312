import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { enterprise } from '@/testing/fixtures';
import { toFactsFormValues, toFactsPatch } from './facts-form-values';

const withFacts = () =>
  enterprise({
    abnormal_or_dishonest_listed: false,
    major_incident_or_violation_3y: null,
    field_class: 'other',
    key_field: false,
    key_chain_link: null,
    honours: [{ code: 'high_tech_enterprise', valid_from: '2024-12-12', valid_until: '2027-12-11', certificate_no: 'GR202444859890' }],
    awards: [],
    makers_china: null,
  });

describe('criteria facts form values', () => {
  it('tells "none" ([]) and "not known" (null) apart', () => {
    const v = toFactsFormValues(withFacts());
    expect(v.honours_state).toBe('list');
    expect(v.awards_state).toBe('none');
    expect(v.makers_china_state).toBe('unknown');
    expect(v.major_incident_or_violation_3y).toBe('unknown');
    expect(toFactsFormValues(enterprise()).honours_state).toBe('unknown');
  });

  it('round-trips a record without changes into nothing but the version', () => {
    const e = withFacts();
    expect(toFactsPatch(toFactsFormValues(e), e)).toEqual({ version: 4 });
  });

  it('sends the lists and flags that changed, dates as YYYY-MM-DD', () => {
    const e = withFacts();
    const v = {
      ...toFactsFormValues(e),
      major_incident_or_violation_3y: 'no' as const,
      field_class: 'unknown' as const,
      awards_state: 'list' as const,
      awards: [{ year: 2024, level: 'provincial' as const, rank: 2, name: '  省科学技术奖 ' }],
      makers_china_state: 'none' as const,
      honours_state: 'list' as const,
      honours: [{ code: 'ip_demo' as const, valid_from: dayjs('2025-01-01'), valid_until: null, certificate_no: '' }],
    };
    expect(toFactsPatch(v, e)).toEqual({
      version: 4,
      major_incident_or_violation_3y: false,
      field_class: null,
      honours: [{ code: 'ip_demo', valid_from: '2025-01-01', valid_until: null }],
      awards: [{ year: 2024, level: 'provincial', rank: 2, name: '省科学技术奖' }],
      makers_china: [],
    });
  });

  it('sends "not known" as null', () => {
    const e = withFacts();
    expect(toFactsPatch({ ...toFactsFormValues(e), honours_state: 'unknown', awards_state: 'unknown' }, e)).toEqual({ version: 4, honours: null, awards: null });
  });
});
