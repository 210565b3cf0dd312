import type { TFunction } from 'i18next';
import { formatNumber, formatPercent, formatWan } from '@/lib/format';
import type { Criterion, Tier } from '../api/get-eligibility';

/** Every criterion code of the rulesets (CRITERIA.md), each with its own label in both languages. */
export const CRITERION_CODES = [
  'P', 'G',
  'D1', 'D2', 'D3', 'D4', 'I1', 'I2', 'G1', 'G2', 'S1', 'S2',
  'C1', 'C2', 'C3', 'C4', 'Z1', 'Z2', 'Z3', 'Z4', 'J1', 'J2', 'J3', 'J4', 'T1', 'N1', 'N2', 'N3', 'N4',
  'L1', 'L2', 'L3', 'L4', 'L5', 'L6',
  'A1', 'A2', 'A3', 'A4', 'A5', 'A6',
  'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7',
] as const;
export type CriterionCode = (typeof CRITERION_CODES)[number];

/** The codes whose requirement is the same text for every tier (P names the tier below). */
type RuledCode = Exclude<CriterionCode, 'P'>;

export const CRITERION_GROUPS = [
  'prerequisite', 'general', 'direct', 'innovation', 'growth', 'specialisation', 'conditions', 'refinement',
  'distinctiveness', 'industrial_chain', 'field',
] as const;
export type CriterionGroup = (typeof CRITERION_GROUPS)[number];

export const ROUTES = ['score', 'direct', 'alternative', 'general', 'exempt'] as const;
export type Route = (typeof ROUTES)[number];

export const TIERS: readonly Tier[] = ['innovative_sme', 'specialized_sme', 'little_giant'];

/** The rulesets the SPA knows how to name; the server decides which it evaluates. */
export const RULESETS = ['miit-2022', 'miit-2026'] as const;
export type Ruleset = (typeof RULESETS)[number];

export const CRITERION_STATUSES = ['met', 'unmet', 'missing'] as const;

/** The tag colour of a criterion's status. */
export const STATUS_COLORS: Record<string, string> = { met: 'success', unmet: 'error', missing: 'warning' };

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

export const isCriterionCode = (code: string): code is CriterionCode => isOneOf(CRITERION_CODES, code);

/** tierName names a tier under a ruleset: miit-2026 calls the bottom tier 科技和创新型中小企业. */
export function tierName(t: TFunction, tier: string, ruleset?: string | null): string {
  if (tier === 'innovative_sme' && ruleset === 'miit-2026') return t('tiers.innovative_sme_2026');
  return isOneOf(TIERS, tier) ? t(`tiers.${tier}`) : tier;
}

/** rulesetName is a ruleset's full name, with the measures it follows: 2026年版（工信部企业〔2026〕2号）. */
export function rulesetName(t: TFunction, ruleset: string): string {
  return isOneOf(RULESETS, ruleset) ? t(`rulesets.${ruleset}`) : ruleset;
}

/** rulesetShortName is a ruleset's name where a row has little room: 2026年版标准. */
export function rulesetShortName(t: TFunction, ruleset: string): string {
  return isOneOf(RULESETS, ruleset) ? t(`rulesetsShort.${ruleset}`) : ruleset;
}

/** criterionLabel is the SPA's own name of a criterion by code; an unknown code keeps the server's Chinese label. */
export function criterionLabel(t: TFunction, c: Pick<Criterion, 'code' | 'label'>): string {
  return isCriterionCode(c.code) ? t(`criteria.labels.${c.code}`) : c.label;
}

export function groupLabel(t: TFunction, group: string): string {
  return isOneOf(CRITERION_GROUPS, group) ? t(`criteria.groups.${group}`) : group;
}

export function routeLabel(t: TFunction, route: string): string {
  return isOneOf(ROUTES, route) ? t(`criteria.routes.${route}`) : route;
}

export function statusLabel(t: TFunction, status: string): string {
  return isOneOf(CRITERION_STATUSES, status) ? t(`criteria.statuses.${status}`) : status;
}

const TIER_BELOW: Partial<Record<Tier, Tier>> = { specialized_sme: 'innovative_sme', little_giant: 'specialized_sme' };

/** The conditions whose full rule is too long for a list of gaps, each with a short form. */
const SHORT_RULES = ['G', 'C4', 'L4'] as const;

/**
 * criterionRequirement states what a criterion asks, in the UI language: for a condition its
 * rule, for a scored indicator its whole scale (the points column shows the band reached). The
 * server's own text (English, terse) is the fallback for a code the SPA does not know. `short`
 * is for lists of gaps, where the longest rules are summed up.
 */
export function criterionRequirement(
  t: TFunction,
  c: Pick<Criterion, 'code' | 'requirement'>,
  tier: string,
  ruleset?: string | null,
  opts: { short?: boolean } = {},
): string {
  if (c.code === 'P') {
    const below = TIER_BELOW[tier as Tier];
    return below ? t('criteria.rules.P_held', { tier: tierName(t, below, ruleset) }) : t('criteria.rules.P_none');
  }
  if (opts.short && isOneOf(SHORT_RULES, c.code)) return t(`criteria.rulesShort.${c.code}`);
  return isCriterionCode(c.code) ? t(`criteria.rules.${c.code as RuledCode}`) : c.requirement;
}

// How the value of each code reads (CRITERIA.md: ratios and shares as decimals, money in yuan).
const PERCENT_CODES = new Set(['I2', 'G1', 'G2', 'S2', 'Z1', 'Z2', 'J3', 'J4', 'N3']);
const YEAR_CODES = new Set(['C1', 'Z3', 'A1', 'B1']);
const MONEY_CODES = new Set(['D4']);
/** Counts of applied Class I IP items (miit-2026). */
const ITEM_CODES = new Set(['A4', 'B4']);
/** The quality-of-development score, 0–100 (miit-2026): a number of points, never a share. */
const SCORE_CODES = new Set(['A6', 'B7', 'T1']);

// How the parts of an object value read, by name.
const MONEY_PARTS = new Set(['rd_expense', 'operating_revenue', 'equity_financing', 'main_business_revenue', 'net_profit']);
const PERCENT_PART = /ratio|share|growth|margin/;
const YEAR_PARTS = new Set(['niche_years']);

const PART_NAMES = [
  'rd_expense', 'rd_ratio', 'operating_revenue', 'equity_financing', 'score', 'alternative', 'abnormal_or_dishonest_listed',
  'major_incident_or_violation_3y', 'size_class', 'niche_years', 'main_business_share', 'mean_growth', 'asset_liability_ratio',
  'info_system_core_business', 'management_certified', 'national_market_share', 'own_brand', 'investment', 'institution',
  'class1_applied', 'direct', 'revenue_y_over_y2', 'domestic_rank',
] as const;
const IP_LEVELS = ['class1_high_value', 'class1_self_developed', 'class1', 'class2', 'none'] as const;
const INSTITUTIONS = ['none', 'below_city', 'city', 'provincial', 'national'] as const;
const HONOURS = ['high_tech_enterprise', 'innovation_demo', 'ip_advantage', 'ip_demo'] as const;
const FIELD_CLASSES = ['gap_filling', 'six_foundations', 'other'] as const;
const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;

type Ctx = { t: TFunction; lang: string };

const DASH = '—';

function yesNo({ t }: Ctx, v: boolean): string {
  return v ? t('common.yes') : t('common.no');
}

function money({ t, lang }: Ctx, yuan: number): string {
  return t('units.wanValue', { value: formatWan(yuan, lang) });
}

function years({ t }: Ctx, n: number): string {
  return t('units.years', { count: n });
}

/** enumText translates a value of one of the criteria's known vocabularies, or keeps it. */
function enumText({ t }: Ctx, s: string): string {
  if (isOneOf(IP_LEVELS, s)) return t(`criteria.ipLevels.${s}`);
  if (isOneOf(INSTITUTIONS, s)) return t(`criteria.institutions.${s}`);
  if (isOneOf(HONOURS, s)) return t(`criteria.honours.${s}`);
  if (isOneOf(FIELD_CLASSES, s)) return t(`criteria.fieldClasses.${s}`);
  if (isOneOf(CRITERION_STATUSES, s)) return t(`criteria.statuses.${s}`);
  if (isOneOf(SIZE_CLASSES, s)) return t(`enterprise.sizeClass.${s}`);
  return s;
}

function genericNumber(ctx: Ctx, n: number): string {
  return Number.isInteger(n) ? formatNumber(n, ctx.lang) : formatPercent(n, ctx.lang);
}

function partText(ctx: Ctx, key: string, v: unknown): string {
  if (v === null || v === undefined) return DASH;
  if (typeof v === 'boolean') return yesNo(ctx, v);
  if (typeof v === 'number') {
    if (MONEY_PARTS.has(key)) return money(ctx, v);
    if (PERCENT_PART.test(key)) return formatPercent(v, ctx.lang);
    if (YEAR_PARTS.has(key)) return years(ctx, v);
    return genericNumber(ctx, v);
  }
  if (typeof v === 'string') return enumText(ctx, v);
  return anyText(ctx, v);
}

function partName({ t }: Ctx, key: string): string {
  return isOneOf(PART_NAMES, key) ? t(`criteria.parts.${key}`) : key;
}

/** anyText renders a value of a shape the SPA has no rule for: numbers, words, lists and parts. */
function anyText(ctx: Ctx, v: unknown): string {
  if (v === null || v === undefined) return DASH;
  if (typeof v === 'boolean') return yesNo(ctx, v);
  if (typeof v === 'number') return genericNumber(ctx, v);
  if (typeof v === 'string') return enumText(ctx, v);
  if (Array.isArray(v)) return v.length === 0 ? ctx.t('common.none') : v.map((x) => anyText(ctx, x)).join(ctx.lang === 'en-US' ? ', ' : '、');
  if (typeof v === 'object') {
    const sep = ctx.lang === 'en-US' ? '; ' : '；';
    const colon = ctx.lang === 'en-US' ? ': ' : '：';
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${partName(ctx, k)}${colon}${partText(ctx, k, x)}`)
      .join(sep);
  }
  return String(v);
}

/**
 * formatCriterionValue shows what a criterion judged, readably in the UI language: ratios, shares
 * and growth as percentages, money in 万元, years, yes/no, names for codes, lists and parts.
 * A missing value is a dash.
 */
export function formatCriterionValue(t: TFunction, lang: string, c: Pick<Criterion, 'code' | 'value'>): string {
  const ctx: Ctx = { t, lang };
  const v = c.value;
  if (v === null || v === undefined) return DASH;
  if (typeof v === 'number') {
    if (PERCENT_CODES.has(c.code)) return formatPercent(v, lang);
    if (YEAR_CODES.has(c.code)) return years(ctx, v);
    if (MONEY_CODES.has(c.code)) return money(ctx, v);
    if (c.code === 'J1') return t('criteria.digitalLevel', { level: v });
    if (c.code === 'J2') return t('criteria.qualityCount', { count: v });
    if (ITEM_CODES.has(c.code)) return t('criteria.itemCount', { count: v });
    if (SCORE_CODES.has(c.code)) return formatNumber(v, lang);
    return genericNumber(ctx, v);
  }
  if (typeof v === 'string') return enumText(ctx, v);
  return anyText(ctx, v);
}

export type GroupSubtotal = { group: string; points: number | null; max: number };

/**
 * scoreSubtotals adds up the scored indicators group by group, in the order they come: the
 * points are null while one of the group's indicators is missing.
 */
export function scoreSubtotals(criteria: Pick<Criterion, 'group' | 'points' | 'max_points'>[]): GroupSubtotal[] {
  const out: GroupSubtotal[] = [];
  for (const c of criteria) {
    if (c.max_points === null) continue;
    let sub = out.find((s) => s.group === c.group);
    if (!sub) {
      sub = { group: c.group, points: 0, max: 0 };
      out.push(sub);
    }
    sub.max += c.max_points;
    sub.points = sub.points === null || c.points === null ? null : sub.points + c.points;
  }
  return out;
}
