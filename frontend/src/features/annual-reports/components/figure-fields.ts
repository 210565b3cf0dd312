import type { TFunction } from 'i18next';

/** Money figures: integer yuan on the wire, 万元 in the form. */
export const MONEY_FIELDS = [
  'operating_revenue',
  'main_business_revenue',
  'rd_expense',
  'net_profit',
  'total_assets',
  'total_liabilities',
  'equity_financing',
] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

export const IP_FIELDS = ['class1', 'class1_self_developed', 'class1_high_value', 'class2', 'class1_applied'] as const;
export type IpField = (typeof IP_FIELDS)[number];

export const QUALITY_FIELDS = ['award', 'certified', 'own_brand', 'standards'] as const;
export type QualityField = (typeof QUALITY_FIELDS)[number];

export const RD_INSTITUTIONS = ['none', 'below_city', 'city', 'provincial', 'national'] as const;

export const DIGITAL_LEVELS = [1, 2, 3, 4] as const;

/** Assessments by the province or the bureau: an enterprise user sees them but may not change them (403). */
export const OFFICER_ONLY_FIGURES = ['local_score', 'market_position_leading'] as const;

/**
 * FIGURE_FIELDS are every per-year fact by its JSON path (`ip.class1`), as the server names them
 * in field errors and in a self-check's missing inputs (`reports[2025].ip.class1`).
 */
export const FIGURE_FIELDS = [
  'employees',
  'rd_staff',
  ...MONEY_FIELDS,
  ...IP_FIELDS.map((f) => `ip.${f}` as const),
  'rd_institution',
  'digital_level',
  ...QUALITY_FIELDS.map((f) => `quality.${f}` as const),
  'info_system_core_business',
  'management_certified',
  'national_market_share',
  'local_score',
  'quality_score',
  'market_position_leading',
  'domestic_rank',
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
type FigureKey = FigureField extends infer F ? (F extends `${infer A}.${infer B}` ? `${A}_${B}` : F) : never;

export function isFigureField(v: string): v is FigureField {
  return (FIGURE_FIELDS as readonly string[]).includes(v);
}

/** figureLabel names a per-year fact in the UI language; an unknown one keeps its JSON name. */
export function figureLabel(t: TFunction, field: string): string {
  if (!isFigureField(field)) return field;
  return t(`figures.fields.${field.replace('.', '_') as FigureKey}`);
}
