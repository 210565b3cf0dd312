import dayjs, { type Dayjs } from 'dayjs';
import { fromTriState, toTriState, type TriState } from '@/lib/tri-state';
import type { EnterpriseCreateInput } from '../api/create-enterprise';
import type { Enterprise } from '../api/get-enterprises';
import type { EnterprisePatchInput } from '../api/update-enterprise';

/** EnterpriseFormValues is what the antd Form holds; the JSON names double as the field names. */
export type EnterpriseFormValues = {
  name: string;
  credit_code: string;
  credit_code_override?: boolean;
  region_code?: string;
  industry_code?: string;
  founded_on?: Dayjs | null;
  address?: string;
  main_products?: string;
  niche_market?: string;
  niche_market_since?: Dayjs | null;
  strategic_emerging?: TriState;
  contact_person?: string;
  contact_phone?: string;
  liaison_officer_id?: number | null;
  tags?: string[];
};

export const DATE_FORMAT = 'YYYY-MM-DD';

const toDay = (v: string | null | undefined) => (v ? dayjs(v) : null);
const fromDay = (v: Dayjs | null | undefined) => (v ? v.format(DATE_FORMAT) : null);
const text = (v: string | null | undefined) => {
  const s = v?.trim();
  return s ? s : null;
};

export function toFormValues(e: Enterprise): EnterpriseFormValues {
  return {
    name: e.name,
    credit_code: e.credit_code,
    credit_code_override: e.credit_code_override,
    region_code: e.region_code,
    industry_code: e.industry_code ?? undefined,
    founded_on: toDay(e.founded_on),
    address: e.address ?? '',
    main_products: e.main_products ?? '',
    niche_market: e.niche_market ?? '',
    niche_market_since: toDay(e.niche_market_since),
    strategic_emerging: toTriState(e.strategic_emerging),
    contact_person: e.contact_person ?? '',
    contact_phone: e.contact_phone ?? '',
    liaison_officer_id: e.liaison_officer_id,
    tags: e.tags,
  };
}

type Normalized = Omit<EnterpriseCreateInput, 'credit_code_override'> & { credit_code_override: boolean };

function normalize(v: EnterpriseFormValues): Normalized {
  return {
    name: v.name.trim(),
    credit_code: v.credit_code.trim().toUpperCase(),
    credit_code_override: Boolean(v.credit_code_override),
    region_code: v.region_code ?? '',
    industry_code: v.industry_code ?? '',
    founded_on: fromDay(v.founded_on),
    address: text(v.address),
    main_products: text(v.main_products),
    niche_market: text(v.niche_market),
    niche_market_since: fromDay(v.niche_market_since),
    strategic_emerging: fromTriState(v.strategic_emerging),
    contact_person: text(v.contact_person),
    contact_phone: text(v.contact_phone),
    liaison_officer_id: v.liaison_officer_id ?? null,
    tags: (v.tags ?? []).map((t) => t.trim()).filter(Boolean),
  };
}

/** toCreateBody is the POST body of a new enterprise. */
export function toCreateBody(v: EnterpriseFormValues): EnterpriseCreateInput {
  const body = normalize(v);
  if (!body.credit_code_override) return { ...body, credit_code_override: undefined };
  return body;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * toPatch sends only what changed, with the version read. Fields a user may not change are
 * never sent unless changed, so an enterprise user's save does not trip the server's 403.
 */
export function toPatch(v: EnterpriseFormValues, original: Enterprise): EnterprisePatchInput {
  const next = normalize(v);
  const before = normalize(toFormValues(original));
  const patch: EnterprisePatchInput = { version: original.version };
  for (const key of Object.keys(next) as (keyof Normalized)[]) {
    if (!same(next[key], before[key])) (patch as Record<string, unknown>)[key] = next[key];
  }
  // A new credit code is judged together with the override that goes with it.
  if ('credit_code' in patch) patch.credit_code_override = next.credit_code_override;
  return patch;
}
