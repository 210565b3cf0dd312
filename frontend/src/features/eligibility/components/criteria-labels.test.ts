import { describe, expect, it } from 'vitest';
import { FIGURE_FIELDS } from '@/features/annual-reports/components/figure-fields';
import { ENTERPRISE_TABS } from '@/features/enterprises/components/enterprise-tabs';
import enUS from '@/locales/en-US.json';
import zhCN from '@/locales/zh-CN.json';
import { CRITERION_CODES, CRITERION_GROUPS, CRITERION_STATUSES, ROUTES, RULESETS, TIERS } from './criteria-text';

const locales = { 'zh-CN': zhCN, 'en-US': enUS };

/** at reads a dotted key out of a locale file (keys may hold dashes, never dots). */
function at(resource: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), resource);
}

const MISSING_INPUTS = [
  'held_tiers',
  'industry_class',
  'niche_market_since',
  'main_product_strategic_emerging',
  'main_product_field_class',
  'main_product_key_field',
  'main_product_key_chain_link',
  'general_abnormal_or_dishonest_listed',
  'general_major_incident_or_violation_3y',
  'honours',
  'awards',
  'makers_china',
];

const keys = [
  ...CRITERION_CODES.map((c) => `criteria.labels.${c}`),
  ...CRITERION_CODES.filter((c) => c !== 'P').map((c) => `criteria.rules.${c}`),
  'criteria.rules.P_none',
  'criteria.rules.P_held',
  ...CRITERION_GROUPS.map((g) => `criteria.groups.${g}`),
  ...ROUTES.map((r) => `criteria.routes.${r}`),
  ...CRITERION_STATUSES.map((s) => `criteria.statuses.${s}`),
  ...TIERS.map((t) => `tiers.${t}`),
  'tiers.innovative_sme_2026',
  ...RULESETS.map((r) => `rulesets.${r}`),
  ...RULESETS.map((r) => `rulesetsShort.${r}`),
  ...FIGURE_FIELDS.map((f) => `figures.fields.${f.replace('.', '_')}`),
  ...MISSING_INPUTS.map((m) => `selfCheck.missingInputs.${m}`),
  ...ENTERPRISE_TABS.map((tab) => `enterprise.tabs.${tab}`),
];

describe('criteria vocabulary', () => {
  it('covers every code of CRITERIA.md: P, G, D1–D4, I1–S2, C1–C4, Z1–N4, L1–L6, A1–A6, B1–B7', () => {
    expect(CRITERION_CODES).toEqual([
      'P', 'G', 'D1', 'D2', 'D3', 'D4', 'I1', 'I2', 'G1', 'G2', 'S1', 'S2',
      'C1', 'C2', 'C3', 'C4', 'Z1', 'Z2', 'Z3', 'Z4', 'J1', 'J2', 'J3', 'J4', 'T1', 'N1', 'N2', 'N3', 'N4',
      'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7',
    ]);
  });

  it.each(Object.entries(locales))('has every label, rule, group, route, status, tier and missing input in %s', (_lang, resource) => {
    for (const key of keys) {
      const value = at(resource, key);
      expect(typeof value, key).toBe('string');
      expect(String(value).trim(), key).not.toBe('');
    }
  });

  it('says every label differently in the two languages', () => {
    for (const code of CRITERION_CODES) expect(at(enUS, `criteria.labels.${code}`), code).not.toBe(at(zhCN, `criteria.labels.${code}`));
  });
});
