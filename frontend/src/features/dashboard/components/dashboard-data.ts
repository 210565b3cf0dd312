/**
 * The dashboard's figures shaped for cards and charts. Pure functions of the API's answers, so
 * that what a leader reads is tested without a canvas.
 */
import type { components } from '@/lib/api/schema';
import type { StatsCell } from '../api/get-stats-by-region';
import type { StatsPipeline } from '../api/get-stats-pipeline';
import type { StatsSummary } from '../api/get-stats-summary';
import type { StatsTrend } from '../api/get-stats-trend';

/** The tiers as a leader reads them: the top of the ladder first. */
export const TIER_ORDER: readonly Tier[] = ['little_giant', 'specialized_sme', 'innovative_sme'];

export type Tier = components['schemas']['Tier'];
export type ApplicationState = components['schemas']['ApplicationState'];

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** isDate says whether a value is a real calendar date written `YYYY-MM-DD`. */
export function isDate(value: string | null | undefined): value is string {
  const m = value ? DATE_RE.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** yearBefore is the same calendar date a year earlier; 29 February becomes 28 February. */
export function yearBefore(date: string): string {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const year = Number(m[1]) - 1;
  const month = Number(m[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${m[2]}-${String(day).padStart(2, '0')}`;
}

/** yearOf is the year of a `YYYY-MM-DD` date. */
export const yearOf = (date: string) => Number(date.slice(0, 4));

/** isYearEnd says whether a date is the last day of its year (a year-end figure is then the date's own). */
export const isYearEnd = (date: string) => date.endsWith('-12-31');

/** A figure beside the same figure a year before. */
export type Change = {
  value: number;
  /** The figure a year before; null while (or if) it is not known. */
  previous: number | null;
  /** value − previous. */
  change: number | null;
  /** change ÷ previous; null when there was nothing a year before to compare with. */
  ratio: number | null;
};

export function changeOf(value: number, previous: number | null | undefined): Change {
  if (previous === null || previous === undefined) return { value, previous: null, change: null, ratio: null };
  const change = value - previous;
  return { value, previous, change, ratio: previous === 0 ? null : change / previous };
}

export type TierCard = {
  tier: Tier;
  holders: Change;
  highestTierHolders: number;
  expiring90: number;
  expiring180: number;
  candidates: number;
};

/** tierCards puts each tier's figures beside its holders a year before, top tier first; a tier the answer lacks counts 0. */
export function tierCards(current: StatsSummary, previous?: StatsSummary | null): TierCard[] {
  return TIER_ORDER.map((tier) => {
    const now = current.tiers.find((t) => t.tier === tier);
    const before = previous ? (previous.tiers.find((t) => t.tier === tier)?.holders ?? 0) : null;
    return {
      tier,
      holders: changeOf(now?.holders ?? 0, before),
      highestTierHolders: now?.highest_tier_holders ?? 0,
      expiring90: now?.expiring_90 ?? 0,
      expiring180: now?.expiring_180 ?? 0,
      candidates: now?.candidates ?? 0,
    };
  });
}

/** enterprisesHolding counts enterprises that hold any tier (each once, at its highest), beside a year before. */
export function enterprisesHolding(current: StatsSummary, previous?: StatsSummary | null): Change {
  const sum = (s: StatsSummary) => s.tiers.reduce((acc, t) => acc + t.highest_tier_holders, 0);
  return changeOf(sum(current), previous ? sum(previous) : null);
}

/** A category of a bar chart: a region or an industry section, by code and name. */
export type Category = { code: string; name: string };

export type StackedBars = {
  categories: Category[];
  /** One series per tier, top tier first; values[i] belongs to categories[i]. */
  series: { tier: Tier; values: number[] }[];
  /** The holders of every tier in each category. */
  totals: number[];
};

/**
 * stackedByTier turns tier × category cells into one series per tier over the categories. The
 * categories are `known` (e.g. every region, in its order, so that a region with none shows as
 * none) followed by any the cells name that `known` lacks; without `known`, the cells' own
 * categories by their holders, most first.
 */
export function stackedByTier(cells: StatsCell[], known?: Category[]): StackedBars {
  const categories: Category[] = known ? [...known] : [];
  const index = new Map(categories.map((c, i) => [c.code, i]));
  for (const cell of cells) {
    if (!index.has(cell.code)) {
      index.set(cell.code, categories.length);
      categories.push({ code: cell.code, name: cell.name });
    }
  }
  const series = TIER_ORDER.map((tier) => ({ tier, values: categories.map(() => 0) }));
  for (const cell of cells) {
    const s = series.find((x) => x.tier === cell.tier);
    const i = index.get(cell.code);
    if (s && i !== undefined) s.values[i] = (s.values[i] ?? 0) + cell.holders;
  }
  const totals = categories.map((_, i) => series.reduce((acc, s) => acc + (s.values[i] ?? 0), 0));
  if (known) return { categories, series, totals };
  const order = categories.map((_, i) => i).sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || categories[a]!.code.localeCompare(categories[b]!.code));
  return {
    categories: order.map((i) => categories[i]!),
    series: series.map((s) => ({ tier: s.tier, values: order.map((i) => s.values[i] ?? 0) })),
    totals: order.map((i) => totals[i] ?? 0),
  };
}

/** trendYears is the span of years the trend shows: the as-of year and the `span - 1` before it. */
export function trendYears(asOf: string, span = 6): { from: number; to: number } {
  const to = yearOf(asOf);
  return { from: to - span + 1, to };
}

export type TrendSeries = {
  years: number[];
  /** Qualifications granted in each year, one series per tier, top tier first. */
  newQualifications: { tier: Tier; values: number[] }[];
  /** Holders at each year's end, one series per tier, top tier first. */
  holdersAtYearEnd: { tier: Tier; values: number[] }[];
};

/** trendSeries lays the trend's points out over every year from `from` to `to`; a missing point counts 0. */
export function trendSeries(trend: StatsTrend): TrendSeries {
  const years: number[] = [];
  for (let y = trend.from; y <= trend.to; y++) years.push(y);
  const pick = (tier: Tier, field: 'new_qualifications' | 'holders_at_year_end') =>
    years.map((year) => trend.items.find((p) => p.year === year && p.tier === tier)?.[field] ?? 0);
  return {
    years,
    newQualifications: TIER_ORDER.map((tier) => ({ tier, values: pick(tier, 'new_qualifications') })),
    holdersAtYearEnd: TIER_ORDER.map((tier) => ({ tier, values: pick(tier, 'holders_at_year_end') })),
  };
}

/** The application states in the order of the workflow, and those that leave it. */
export const PIPELINE_STATES: readonly ApplicationState[] = [
  'draft', 'county_review', 'city_review', 'recommended', 'approved', 'not_approved', 'returned', 'rejected', 'withdrawn',
];

/**
 * The stages of the funnel, each counting the applications that have got at least that far as
 * their state tells: a returned one has been submitted, a rejected one may have passed the
 * county, but its state cannot say so it counts as submitted only.
 */
export const FUNNEL_STAGES = ['applied', 'submitted', 'passed_county', 'recommended', 'approved'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

const REACHED: Record<FunnelStage, readonly ApplicationState[]> = {
  applied: ['draft', 'county_review', 'city_review', 'recommended', 'approved', 'not_approved', 'returned', 'rejected'],
  submitted: ['county_review', 'city_review', 'recommended', 'approved', 'not_approved', 'returned', 'rejected'],
  passed_county: ['city_review', 'recommended', 'approved', 'not_approved'],
  recommended: ['recommended', 'approved', 'not_approved'],
  approved: ['approved'],
};

export type PipelineBatch = {
  id: number;
  name: string;
  tier: Tier;
  byState: Record<ApplicationState, number>;
  total: number;
};

const noStates = () => Object.fromEntries(PIPELINE_STATES.map((s) => [s, 0])) as Record<ApplicationState, number>;

/** pipelineBatches groups the pipeline's cells by batch, in the order the batches first appear. */
export function pipelineBatches(pipeline: StatsPipeline): PipelineBatch[] {
  const out: PipelineBatch[] = [];
  for (const cell of pipeline.items) {
    let batch = out.find((b) => b.id === cell.batch_id);
    if (!batch) {
      batch = { id: cell.batch_id, name: cell.batch_name, tier: cell.tier, byState: noStates(), total: 0 };
      out.push(batch);
    }
    batch.byState[cell.state] += cell.count;
    batch.total += cell.count;
  }
  return out;
}

/** funnel counts each stage over some batches' applications (all the open batches, or one). */
export function funnel(batches: PipelineBatch[]): { stage: FunnelStage; value: number }[] {
  return FUNNEL_STAGES.map((stage) => ({
    stage,
    value: batches.reduce((acc, b) => acc + REACHED[stage].reduce((n, s) => n + b.byState[s], 0), 0),
  }));
}

/** sumStates adds the batches' applications state by state. */
export function sumStates(batches: PipelineBatch[]): Record<ApplicationState, number> {
  const out = noStates();
  for (const b of batches) for (const s of PIPELINE_STATES) out[s] += b.byState[s];
  return out;
}

/** The filters a click carries into a list. */
export type ListFilters = { asOf: string; region?: string; industry?: string };

function query(params: Record<string, string | number | undefined>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') out.set(k, String(v));
  return out.toString();
}

/**
 * qualificationsLink is the qualification list whose rows are the figure clicked: the holders of
 * a tier in force on the date (status=valid includes the expiring ones), or those of them that
 * expire within some days.
 */
export function qualificationsLink(tier: Tier, f: ListFilters & { expiringWithinDays?: number }): string {
  return `/qualifications?${query({
    tier,
    status: 'valid',
    as_of: f.asOf,
    region: f.region,
    industry: f.industry,
    expiring_within_days: f.expiringWithinDays,
  })}`;
}

/** poolLink is the cultivation pool's eligible candidates for a tier (the pool is always as of today). */
export function poolLink(tier: Tier, f: Omit<ListFilters, 'asOf'>): string {
  return `/cultivation?${query({ target_tier: tier, status: 'eligible', region: f.region, industry: f.industry })}`;
}
