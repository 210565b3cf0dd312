import type { TFunction } from 'i18next';
import type { Criterion } from '@/features/eligibility/api/get-eligibility';
import { criterionLabel, criterionRequirement, formatCriterionValue } from '@/features/eligibility/components/criteria-text';

/** gapText is one unmet condition in words: "label: value — requirement", label and requirement translated by code. */
export function gapText(t: TFunction, lang: string, gap: Criterion, tier: string, ruleset: string): string {
  const value = gap.status === 'missing' && (gap.value === null || gap.value === undefined) ? t('criteria.statuses.missing') : formatCriterionValue(t, lang, gap);
  return t('cultivation.gapText', { label: criterionLabel(t, gap), value, requirement: criterionRequirement(t, gap, tier, ruleset, { short: true }) });
}
