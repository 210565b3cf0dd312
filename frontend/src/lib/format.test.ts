import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

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
});
