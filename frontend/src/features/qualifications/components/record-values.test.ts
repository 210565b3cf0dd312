import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toQualificationRecord } from './record-values';
import { validUntilOf } from './validity';

describe('validUntilOf', () => {
  it('is the same day three years on, as the server counts it', () => {
    expect(validUntilOf('2026-11-26')).toBe('2029-11-26');
    expect(validUntilOf('2023-06-15')).toBe('2026-06-15');
    // 29 February lands on the 28th in a common year, and stays in a leap one.
    expect(validUntilOf('2024-02-29')).toBe('2027-02-28');
    expect(validUntilOf('2025-02-28')).toBe('2028-02-28');
    expect(validUntilOf('2021-02-28')).toBe('2024-02-28');
  });

  it('has no answer for anything but a date', () => {
    expect(validUntilOf('')).toBeUndefined();
    expect(validUntilOf(null)).toBeUndefined();
    expect(validUntilOf('2026-1-1')).toBeUndefined();
  });
});

describe('toQualificationRecord', () => {
  it('sends the enterprise, tier, trimmed texts and the day granted', () => {
    expect(
      toQualificationRecord({ enterprise_id: 7, tier: 'specialized_sme', batch_name: ' 2023年广东省专精特新中小企业 ', announcement_no: ' 粤工信融资函〔2023〕75号', granted_on: dayjs('2023-12-15') }),
    ).toEqual({ enterprise_id: 7, tier: 'specialized_sme', batch_name: '2023年广东省专精特新中小企业', announcement_no: '粤工信融资函〔2023〕75号', granted_on: '2023-12-15' });
  });
});
