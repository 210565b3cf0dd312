import { percentToShare, shareToPercent, wanToYuan, yuanToWan } from '@/lib/format';
import { fromTriState, toTriState, type TriState } from '@/lib/tri-state';
import type { AnnualReport, RdInstitution } from '../api/get-annual-reports';
import type { AnnualReportPutInput } from '../api/put-annual-report';
import { IP_FIELDS, MONEY_FIELDS, QUALITY_FIELDS, type IpField, type MoneyField, type QualityField } from './figure-fields';

type Num = number | null | undefined;

/**
 * FiguresFormValues is what the antd Form holds: the JSON names (nested for `ip` and `quality`),
 * money in 万元, the national market share as a percentage, yes/no questions as a TriState.
 * An empty input is undefined or null, and goes out as null: missing, never zero.
 */
export type FiguresFormValues = {
  /** Only for a year not filed yet. */
  year?: number;
  employees?: Num;
  rd_staff?: Num;
  ip?: Partial<Record<IpField, Num>>;
  rd_institution?: RdInstitution | null;
  digital_level?: Num;
  quality?: Partial<Record<QualityField, TriState>>;
  info_system_core_business?: TriState;
  management_certified?: TriState;
  market_position_leading?: TriState;
  /** A percentage (1.4 for 1.4%); the API holds a share (0.014). */
  national_market_share?: Num;
  local_score?: Num;
  quality_score?: Num;
  domestic_rank?: Num;
} & Partial<Record<MoneyField, Num>>;

const orNull = (v: Num): number | null => (v === undefined || v === null || Number.isNaN(v) ? null : v);

/** toFiguresFormValues fills the form from a filed year, or blank for a new one. */
export function toFiguresFormValues(r?: AnnualReport): FiguresFormValues {
  const money = Object.fromEntries(MONEY_FIELDS.map((f) => [f, yuanToWan(r?.[f])])) as Record<MoneyField, number | null>;
  return {
    employees: r?.employees ?? null,
    rd_staff: r?.rd_staff ?? null,
    ...money,
    ip: Object.fromEntries(IP_FIELDS.map((f) => [f, r?.ip?.[f] ?? null])),
    rd_institution: r?.rd_institution ?? null,
    digital_level: r?.digital_level ?? null,
    quality: Object.fromEntries(QUALITY_FIELDS.map((f) => [f, toTriState(r?.quality?.[f])])),
    info_system_core_business: toTriState(r?.info_system_core_business),
    management_certified: toTriState(r?.management_certified),
    market_position_leading: toTriState(r?.market_position_leading),
    national_market_share: shareToPercent(r?.national_market_share),
    local_score: r?.local_score ?? null,
    quality_score: r?.quality_score ?? null,
    domestic_rank: r?.domestic_rank ?? null,
  };
}

/** allNull: an object of parts none of which is known is sent as null (missing) as a whole. */
function partsOrNull<K extends string, V>(parts: Record<K, V | null>): Record<K, V | null> | null {
  return Object.values(parts).every((v) => v === null) ? null : parts;
}

/**
 * toAnnualReportPut is the PUT body: every figure named, empty ones as null, money in whole yuan
 * (万元 × 10,000, rounded), the share as a decimal; the version read for a filed year, none for a new one.
 */
export function toAnnualReportPut(v: FiguresFormValues, version?: number): AnnualReportPutInput {
  const money = Object.fromEntries(MONEY_FIELDS.map((f) => [f, wanToYuan(v[f])])) as Record<MoneyField, number | null>;
  const ip = Object.fromEntries(IP_FIELDS.map((f) => [f, orNull(v.ip?.[f])])) as Record<IpField, number | null>;
  const quality = Object.fromEntries(QUALITY_FIELDS.map((f) => [f, fromTriState(v.quality?.[f])])) as Record<QualityField, boolean | null>;
  const body: AnnualReportPutInput = {
    employees: orNull(v.employees),
    rd_staff: orNull(v.rd_staff),
    ...money,
    ip: partsOrNull(ip),
    rd_institution: v.rd_institution ?? null,
    digital_level: orNull(v.digital_level),
    quality: partsOrNull(quality),
    info_system_core_business: fromTriState(v.info_system_core_business),
    management_certified: fromTriState(v.management_certified),
    national_market_share: percentToShare(v.national_market_share),
    local_score: orNull(v.local_score),
    quality_score: orNull(v.quality_score),
    market_position_leading: fromTriState(v.market_position_leading),
    domestic_rank: orNull(v.domestic_rank),
  };
  if (version !== undefined) body.version = version;
  return body;
}

/** How many complete years back a new year may be filed from the form (the server takes any year up to this one). */
const RECENT_YEARS = 5;

/** openYears are the recent complete years not filed yet (and `wanted`, when a link asks for it), latest first. */
export function openYears(filed: number[], thisYear: number, wanted?: number): number[] {
  const years = new Set<number>();
  for (let y = thisYear - 1; y >= thisYear - RECENT_YEARS; y--) years.add(y);
  if (wanted && wanted <= thisYear) years.add(wanted);
  return [...years].filter((y) => !filed.includes(y)).sort((a, b) => b - a);
}
