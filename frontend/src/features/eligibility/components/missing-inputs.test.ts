import { describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import { missingInputLabel, missingInputLink, parseMissingInput } from './missing-inputs';

const t = i18n.t.bind(i18n);

describe('missing inputs', () => {
  it('names each in words', async () => {
    expect(missingInputLabel(t, parseMissingInput('reports[2025].rd_expense'))).toBe('2025年 研发费用');
    expect(missingInputLabel(t, parseMissingInput('reports[2024].ip.class1_high_value'))).toBe('2024年 高价值Ⅰ类知识产权');
    expect(missingInputLabel(t, parseMissingInput('reports[2023].quality.own_brand'))).toBe('2023年 拥有自主品牌');
    expect(missingInputLabel(t, parseMissingInput('niche_market_since'))).toBe('进入细分市场时间');
    expect(missingInputLabel(t, parseMissingInput('general.abnormal_or_dishonest_listed'))).toBe('是否列入经营异常名录或严重失信主体名单');
    expect(missingInputLabel(t, parseMissingInput('main_product.field_class'))).toBe('主导产品所属领域');
    expect(missingInputLabel(t, parseMissingInput('something_new'))).toBe('something_new');
    await i18n.changeLanguage('en-US');
    expect(missingInputLabel(t, parseMissingInput('reports[2025].rd_expense'))).toBe('R&D expense (2025)');
    expect(missingInputLabel(t, parseMissingInput('honours'))).toBe('Honours');
  });

  it('links each to where it is filled in, or shown to a reader', () => {
    const link = (name: string, canEdit = true) => missingInputLink(7, parseMissingInput(name), canEdit);
    expect(link('reports[2025].ip.class1')).toBe('/enterprises/7/figures?year=2025&field=ip.class1');
    expect(link('awards')).toBe('/enterprises/7/facts?edit=1');
    expect(link('awards', false)).toBe('/enterprises/7/facts');
    expect(link('niche_market_since')).toBe('/enterprises/7/edit');
    expect(link('niche_market_since', false)).toBe('/enterprises/7');
    expect(link('held_tiers')).toBeUndefined();
    expect(link('something_new')).toBeUndefined();
  });
});
