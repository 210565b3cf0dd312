import { describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import type { Criterion } from '../api/get-eligibility';
import { criterionLabel, criterionRequirement, formatCriterionValue, groupLabel, routeLabel, rulesetName, rulesetShortName, scoreSubtotals, tierName } from './criteria-text';

const t = i18n.t.bind(i18n);
const criterion = (code: string, value: unknown, extra: Partial<Criterion> = {}): Criterion => ({
  code,
  group: 'specialisation',
  label: '服务器的中文名称',
  value,
  requirement: 'server text',
  status: 'met',
  points: null,
  max_points: null,
  ...extra,
});
// The UI formats in the language it speaks: the translations and the number format go together.
const value = (code: string, v: unknown, lang = 'zh-CN') => formatCriterionValue(i18n.getFixedT(lang), lang, criterion(code, v));

describe('criteria text', () => {
  it('translates labels, groups and routes by code, keeping the server’s words for what it does not know', () => {
    expect(criterionLabel(t, criterion('Z1', 0.88))).toBe('主营业务收入占营业收入比重');
    expect(criterionLabel(t, criterion('X9', null))).toBe('服务器的中文名称');
    expect(groupLabel(t, 'industrial_chain')).toBe('产业链配套');
    expect(groupLabel(t, 'new_group')).toBe('new_group');
    expect(routeLabel(t, 'alternative')).toBe('特定条件');
    expect(criterionRequirement(t, criterion('X9', null), 'specialized_sme')).toBe('server text');
  });

  it('names the prerequisite by the tier below, under the ruleset', () => {
    expect(criterionRequirement(t, criterion('P', null), 'innovative_sme')).toBe('无（最低一级）');
    expect(criterionRequirement(t, criterion('P', true), 'little_giant')).toBe('持有有效的专精特新中小企业资质');
    expect(criterionRequirement(t, criterion('P', true), 'specialized_sme', 'miit-2026')).toBe('持有有效的科技和创新型中小企业资质');
    expect(tierName(t, 'innovative_sme', 'miit-2022')).toBe('创新型中小企业');
    expect(tierName(t, 'innovative_sme', 'miit-2026')).toBe('科技和创新型中小企业');
    expect(tierName(t, 'little_giant', 'miit-2026')).toBe('专精特新“小巨人”企业');
  });

  it('names a ruleset in full, and briefly where a row has little room; an unknown one by its code', () => {
    expect(rulesetName(t, 'miit-2026')).toBe('2026年版（工信部企业〔2026〕2号）');
    expect(rulesetShortName(t, 'miit-2022')).toBe('2022年版标准');
    expect(rulesetShortName(t, 'miit-2026')).toBe('2026年版标准');
    expect(rulesetShortName(t, 'gd-2027')).toBe('gd-2027');
  });

  it('reads values: shares as percentages, money in 万元, years, yes/no, names, lists and parts', () => {
    expect(value('Z1', 0.88)).toBe('88%');
    expect(value('I2', 0.04459791185676671)).toBe('4.46%');
    expect(value('G1', -0.05)).toBe('-5%');
    expect(value('C1', 5)).toBe('5年');
    expect(value('C1', 1, 'en-US')).toBe('1 year');
    expect(value('Z3', 15, 'en-US')).toBe('15 years');
    expect(value('D4', 5_000_000)).toBe('500万元');
    expect(value('D4', 12_345_678, 'en-US')).toBe('1,234.5678 (10k yuan)');
    expect(value('D1', false)).toBe('否');
    expect(value('D2', ['high_tech_enterprise', 'ip_demo'])).toBe('高新技术企业、知识产权示范企业');
    expect(value('D2', [])).toBe('无');
    expect(value('D3', 'below_city')).toBe('市级以下');
    expect(value('I1', 'class1_high_value')).toBe('高价值Ⅰ类知识产权');
    expect(value('I1', 'none')).toBe('无');
    expect(value('Z4', 'six_foundations', 'en-US')).toBe('Industrial “six foundations”, time-honoured brand or chain leader\'s supplier');
    expect(value('J1', 2)).toBe('2级');
    expect(value('J2', 2, 'en-US')).toBe('2 of 4');
    expect(value('T1', 9)).toBe('9');
    expect(value('C2', { rd_expense: 2_000_000, rd_ratio: 0.04 })).toBe('研发费用：200万元；研发费用占比：4%');
    expect(value('G', { abnormal_or_dishonest_listed: false, major_incident_or_violation_3y: null, size_class: 'small' }, 'en-US')).toBe(
      'Listed as abnormal or dishonest: No; Major incident or violation (3 years): —; Size: Small',
    );
    expect(value('L1', { niche_years: 5, main_business_share: 0.72, mean_growth: 0.051 })).toBe('细分市场年限：5年；主营业务收入占比：72%；平均增长率：5.1%');
    expect(value('L4', { investment: 'met', direct: 'missing' })).toBe('研发投入：达标；直通条件：缺少数据');
    expect(value('A9', { new_part: 0.5, count: 3 })).toBe('new_part：50%；count：3');
    expect(value('Z1', null)).toBe('—');
    // miit-2026.
    expect(value('A1', 15)).toBe('15年');
    expect(value('A4', 1)).toBe('1项');
    expect(value('B4', 4, 'en-US')).toBe('4 items');
    expect(value('A6', 55.5)).toBe('55.5');
    expect(value('B2', { operating_revenue: 77_933_447, main_business_share: 0.641, revenue_y_over_y2: 1.5007, asset_liability_ratio: 0.584 })).toBe(
      '营业收入：7,793.3447万元；主营业务收入占比：64.1%；营业收入（上年度÷两年前）：150.07%；资产负债率：58.4%',
    );
    expect(value('B5', { national_market_share: 0.014, domestic_rank: null }, 'en-US')).toBe('National market share: 1.4%; Domestic rank: —');
  });

  it('adds up the scored indicators by group, unknown while one is missing', () => {
    const subtotals = scoreSubtotals([
      criterion('C1', 5),
      criterion('Z1', 0.88, { group: 'specialisation', points: 5, max_points: 5 }),
      criterion('Z2', 0.1, { group: 'specialisation', points: 10, max_points: 10 }),
      criterion('J1', null, { group: 'refinement', points: null, max_points: 5 }),
      criterion('J2', 2, { group: 'refinement', points: 5, max_points: 5 }),
    ]);
    expect(subtotals).toEqual([
      { group: 'specialisation', points: 15, max: 15 },
      { group: 'refinement', points: null, max: 10 },
    ]);
  });
});
