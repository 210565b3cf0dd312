import type { TFunction } from 'i18next';
import { figureLabel } from '@/features/annual-reports/components/figure-fields';
import { enterpriseTabPath } from '@/features/enterprises/components/enterprise-tabs';

/** Inputs kept on the criteria facts tab, and those on the profile form, by their name in `missing`. */
const FACTS_INPUTS = [
  'general.abnormal_or_dishonest_listed',
  'general.major_incident_or_violation_3y',
  'main_product.field_class',
  'main_product.key_field',
  'main_product.key_chain_link',
  'honours',
  'awards',
  'makers_china',
] as const;
const PROFILE_INPUTS = ['niche_market_since', 'main_product.strategic_emerging', 'industry_class'] as const;
const OTHER_INPUTS = ['held_tiers'] as const;

type NamedInput = (typeof FACTS_INPUTS)[number] | (typeof PROFILE_INPUTS)[number] | (typeof OTHER_INPUTS)[number];
type NamedKey = NamedInput extends infer F ? (F extends `${infer A}.${infer B}` ? `${A}_${B}` : F) : never;

/** MissingInput is one entry of an evaluation's `missing`, read: a year's figure, or a fact of the profile. */
export type MissingInput =
  | { kind: 'report'; name: string; year: number; field: string }
  | { kind: 'facts' | 'profile' | 'other'; name: NamedInput }
  | { kind: 'unknown'; name: string };

const REPORT_INPUT = /^reports\[(\d{4})\]\.(.+)$/;

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

export function parseMissingInput(name: string): MissingInput {
  const m = REPORT_INPUT.exec(name);
  if (m) return { kind: 'report', name, year: Number(m[1]), field: m[2] ?? '' };
  if (isOneOf(FACTS_INPUTS, name)) return { kind: 'facts', name };
  if (isOneOf(PROFILE_INPUTS, name)) return { kind: 'profile', name };
  if (isOneOf(OTHER_INPUTS, name)) return { kind: 'other', name };
  return { kind: 'unknown', name };
}

/** missingInputLabel names a missing input in words: "2025年 研发费用", "R&D expense (2025)". */
export function missingInputLabel(t: TFunction, input: MissingInput): string {
  switch (input.kind) {
    case 'report':
      return t('selfCheck.missingReport', { year: input.year, field: figureLabel(t, input.field) });
    case 'unknown':
      return input.name;
    default:
      return t(`selfCheck.missingInputs.${input.name.replace('.', '_') as NamedKey}`);
  }
}

/**
 * missingInputLink is where a missing input is filled in: the year's figures form (focused on the
 * figure), the criteria facts form, or the profile form; for a reader who may not edit, where it
 * is shown. The tiers held have no form here.
 */
export function missingInputLink(enterpriseId: number, input: MissingInput, canEdit: boolean): string | undefined {
  switch (input.kind) {
    case 'report':
      return enterpriseTabPath(enterpriseId, 'figures', { year: input.year, field: input.field });
    case 'facts':
      return enterpriseTabPath(enterpriseId, 'facts', canEdit ? { edit: 1 } : undefined);
    case 'profile':
      return canEdit ? `/enterprises/${enterpriseId}/edit` : enterpriseTabPath(enterpriseId, 'profile');
    default:
      return undefined;
  }
}
