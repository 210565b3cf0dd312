import { describe, expect, it } from 'vitest';
import i18n, { LANGUAGES } from '@/lib/i18n';
import { AUDIT_ACTIONS, auditActionLabel, auditActionOptions, auditEntityTypeLabel } from './audit-actions';

describe('audit action names', () => {
  it.each(LANGUAGES)('names every known action in %s', (lng) => {
    const t = i18n.getFixedT(lng);
    const labels = AUDIT_ACTIONS.map((a) => auditActionLabel(t, a));
    for (const [i, { label, known }] of labels.entries()) {
      expect(known, AUDIT_ACTIONS[i]).toBe(true);
      expect(label, AUDIT_ACTIONS[i]).not.toMatch(/^audit\.|\./);
    }
    expect(new Set(labels.map((l) => l.label)).size).toBe(AUDIT_ACTIONS.length);
  });

  it('keeps the code of an action or record type it does not know', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(auditActionLabel(t, 'report.export')).toEqual({ label: 'report.export', known: false });
    expect(auditEntityTypeLabel(t, 'report')).toBe('report');
    expect(auditEntityTypeLabel(t, 'region')).toBe('区域');
  });

  it('offers each group as a prefix, then its actions, every action once', () => {
    const groups = auditActionOptions(i18n.getFixedT('zh-CN'));
    expect(groups.map((g) => g.label)).toEqual(['登录与账户安全', '用户', '注册审核', '企业', '区域', '演示数据']);
    const values = groups.flatMap((g) => g.options.map((o) => o.value));
    expect(values.filter((v) => v.endsWith('.'))).toEqual(['auth.', 'user.', 'registration.', 'enterprise.', 'region.']);
    expect(values.filter((v) => !v.endsWith('.'))).toEqual([...AUDIT_ACTIONS]);
    for (const g of groups) {
      const [first, ...rest] = g.options;
      if (first?.value.endsWith('.')) for (const o of rest) expect(o.value.startsWith(first.value)).toBe(true);
    }
  });
});
