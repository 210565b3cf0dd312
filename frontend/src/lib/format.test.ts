import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPercent, formatWan, hasAtMostDecimals, percentToShare, shareToPercent, wanToYuan, yuanToWan } from './format';

describe('format', () => {
  it('formats a calendar date by language without shifting the day', () => {
    expect(formatDate('2024-03-01', 'zh-CN')).toBe('2024年3月1日');
    expect(formatDate('2024-03-01', 'en-US')).toBe('March 1, 2024');
    expect(formatDate(null, 'en-US')).toBe('');
  });

  it('formats an instant by language', () => {
    expect(formatDateTime('2024-03-01T08:00:00Z', 'en-US')).toMatch(/2024/);
    expect(formatDateTime('not a time', 'en-US')).toBe('not a time');
  });

  it('converts 万元 and yuan without float noise, and keeps missing missing', () => {
    expect(wanToYuan(1234.5678)).toBe(12_345_678);
    expect(wanToYuan(0.01)).toBe(100);
    expect(wanToYuan(-45.759)).toBe(-457_590);
    expect(wanToYuan(null)).toBeNull();
    expect(wanToYuan(undefined)).toBeNull();
    expect(yuanToWan(12_345_678)).toBe(1234.5678);
    expect(yuanToWan(null)).toBeNull();
    expect(formatWan(12_345_678, 'zh-CN')).toBe('1,234.5678');
    expect(formatWan(null, 'zh-CN')).toBe('');
  });

  it('shows shares as percentages', () => {
    expect(formatPercent(0.88, 'zh-CN')).toBe('88%');
    expect(formatPercent(0.0446, 'en-US')).toBe('4.46%');
    expect(shareToPercent(0.014)).toBe(1.4);
    expect(percentToShare(1.4)).toBe(0.014);
    expect(percentToShare(null)).toBeNull();
  });

  it('counts decimals', () => {
    expect(hasAtMostDecimals(1234.5678, 4)).toBe(true);
    expect(hasAtMostDecimals(1234.56789, 4)).toBe(false);
    expect(hasAtMostDecimals(0.1, 4)).toBe(true);
    expect(hasAtMostDecimals(100000000.0001, 4)).toBe(true);
  });
});
