import dayjs, { type Dayjs } from 'dayjs';
import type { components } from '@/lib/api/schema';
import { fromTriState, toTriState, type TriState } from '@/lib/tri-state';
import type { Enterprise } from '../api/get-enterprises';
import type { EnterprisePatchInput } from '../api/update-enterprise';
import { DATE_FORMAT } from './enterprise-form-values';

export type Honour = components['schemas']['Honour'];
export type Award = components['schemas']['Award'];
export type MakersPlace = components['schemas']['MakersPlace'];
export type FieldClass = NonNullable<Enterprise['field_class']>;

export const FIELD_CLASSES: FieldClass[] = ['gap_filling', 'six_foundations', 'other'];
export const HONOUR_CODES: Honour['code'][] = ['high_tech_enterprise', 'innovation_demo', 'ip_advantage', 'ip_demo'];
export const AWARD_LEVELS: Award['level'][] = ['national', 'provincial'];
export const MAKERS_TOPS: MakersPlace['top'][] = [50, 500];

/** The facts an enterprise user sees but may not change (officers' assessments; the server answers 403). */
export const OFFICER_ONLY_FACTS = ['key_field', 'key_chain_link'] as const;

/**
 * ListState makes a list's "not known" (null on the wire) and "none" ([]) explicit choices,
 * apart from "these ones".
 */
export type ListState = 'unknown' | 'none' | 'list';

type HonourRow = { code?: Honour['code']; valid_from?: Dayjs | null; valid_until?: Dayjs | null; certificate_no?: string };
type AwardRow = { year?: number | null; level?: Award['level']; rank?: number | null; name?: string };
type MakersRow = { year?: number | null; top?: MakersPlace['top'] };

export type FactsFormValues = {
  abnormal_or_dishonest_listed: TriState;
  major_incident_or_violation_3y: TriState;
  field_class: FieldClass | 'unknown';
  key_field: TriState;
  key_chain_link: TriState;
  honours_state: ListState;
  honours: HonourRow[];
  awards_state: ListState;
  awards: AwardRow[];
  makers_china_state: ListState;
  makers_china: MakersRow[];
};

const listState = (v: unknown[] | null | undefined): ListState => (v === null || v === undefined ? 'unknown' : v.length === 0 ? 'none' : 'list');

export function toFactsFormValues(e: Enterprise): FactsFormValues {
  return {
    abnormal_or_dishonest_listed: toTriState(e.abnormal_or_dishonest_listed),
    major_incident_or_violation_3y: toTriState(e.major_incident_or_violation_3y),
    field_class: e.field_class ?? 'unknown',
    key_field: toTriState(e.key_field),
    key_chain_link: toTriState(e.key_chain_link),
    honours_state: listState(e.honours),
    honours: (e.honours ?? []).map((h) => ({
      code: h.code,
      valid_from: dayjs(h.valid_from),
      valid_until: h.valid_until ? dayjs(h.valid_until) : null,
      certificate_no: h.certificate_no ?? '',
    })),
    awards_state: listState(e.awards),
    awards: (e.awards ?? []).map((a) => ({ ...a, name: a.name ?? '' })),
    makers_china_state: listState(e.makers_china),
    makers_china: (e.makers_china ?? []).map((m) => ({ ...m })),
  };
}

function listOf<R, T>(state: ListState, rows: R[] | undefined, toItem: (r: R) => T): T[] | null {
  if (state === 'unknown') return null;
  if (state === 'none') return [];
  return (rows ?? []).map(toItem);
}

type FactsBody = Pick<
  Required<EnterprisePatchInput>,
  | 'abnormal_or_dishonest_listed'
  | 'major_incident_or_violation_3y'
  | 'field_class'
  | 'key_field'
  | 'key_chain_link'
  | 'honours'
  | 'awards'
  | 'makers_china'
>;

function normalize(v: FactsFormValues): FactsBody {
  const text = (s: string | undefined) => s?.trim() || undefined;
  return {
    abnormal_or_dishonest_listed: fromTriState(v.abnormal_or_dishonest_listed),
    major_incident_or_violation_3y: fromTriState(v.major_incident_or_violation_3y),
    field_class: v.field_class === 'unknown' ? null : v.field_class,
    key_field: fromTriState(v.key_field),
    key_chain_link: fromTriState(v.key_chain_link),
    honours: listOf(v.honours_state, v.honours, (h) => {
      const out: Honour = {
        code: h.code as Honour['code'],
        valid_from: h.valid_from ? h.valid_from.format(DATE_FORMAT) : '',
        valid_until: h.valid_until ? h.valid_until.format(DATE_FORMAT) : null,
      };
      const no = text(h.certificate_no);
      if (no) out.certificate_no = no;
      return out;
    }),
    awards: listOf(v.awards_state, v.awards, (a) => {
      const out: Award = { year: a.year as number, level: a.level as Award['level'], rank: a.rank as number };
      const name = text(a.name);
      if (name) out.name = name;
      return out;
    }),
    makers_china: listOf(v.makers_china_state, v.makers_china, (m) => ({ year: m.year as number, top: m.top as MakersPlace['top'] })),
  };
}

/**
 * toFactsPatch sends the facts that changed, with the version read. The officers' assessments
 * are never sent unless changed, so an enterprise user's save does not trip the server's 403.
 */
export function toFactsPatch(v: FactsFormValues, original: Enterprise): EnterprisePatchInput {
  const next = normalize(v);
  const before = normalize(toFactsFormValues(original));
  const patch: EnterprisePatchInput = { version: original.version };
  for (const key of Object.keys(next) as (keyof FactsBody)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) (patch as Record<string, unknown>)[key] = next[key];
  }
  return patch;
}
