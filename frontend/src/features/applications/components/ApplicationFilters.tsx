import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { BatchSelect } from '@/features/batches/components/BatchSelect';
import { TIERS } from '@/features/eligibility/components/criteria-text';
import { RegionSelect } from '@/features/reference/components/RegionSelect';
import type { ApplicationState } from '../api/get-applications';
import { APPLICATION_STATES } from './workflow-rules';

export type ApplicationFilterValues = { batch?: string; state?: string; region?: string; tier?: string };

type Props = {
  values: ApplicationFilterValues;
  /** fixedRegion is a county officer's own region: shown, not changeable. */
  fixedRegion?: string | null;
  /** states limits the state filter (a queue); none hides it. */
  states?: readonly ApplicationState[];
  showTier?: boolean;
  /** showBatch: false on a batch's own page. */
  showBatch?: boolean;
  onChange: (changes: Partial<ApplicationFilterValues>) => void;
  onReset?: () => void;
};

/** ApplicationFilters are a list's filters: batch, state, region and tier. */
export function ApplicationFilters({ values, fixedRegion, states = APPLICATION_STATES, showTier = true, showBatch = true, onChange, onReset }: Props) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="application-filters">
      {showBatch && (
        <BatchSelect
          value={values.batch ? Number(values.batch) : undefined}
          onChange={(id) => onChange({ batch: id ? String(id) : undefined })}
          placeholder={t('workflow.applications.filters.batch')}
          aria-label={t('workflow.applications.filters.batch')}
          style={{ width: 300 }}
          data-testid="filter-batch"
        />
      )}
      {states.length > 0 && (
        <Select<string>
          allowClear
          value={values.state}
          onChange={(state) => onChange({ state })}
          placeholder={t('workflow.applications.filters.state')}
          aria-label={t('workflow.applications.filters.state')}
          style={{ width: 150 }}
          options={states.map((s) => ({ value: s, label: t(`workflow.states.${s}`) }))}
          data-testid="filter-state"
        />
      )}
      <RegionSelect
        allowClear={!fixedRegion}
        disabled={Boolean(fixedRegion)}
        value={fixedRegion ?? values.region}
        onChange={(region) => onChange({ region })}
        placeholder={t('workflow.applications.filters.region')}
        style={{ width: 180 }}
        data-testid="filter-region"
      />
      {showTier && (
        <Select<string>
          allowClear
          value={values.tier}
          onChange={(tier) => onChange({ tier })}
          placeholder={t('workflow.applications.filters.tier')}
          aria-label={t('workflow.applications.filters.tier')}
          style={{ width: 200 }}
          options={TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))}
          data-testid="filter-tier"
        />
      )}
      {onReset && <Button onClick={onReset}>{t('common.reset')}</Button>}
    </Flex>
  );
}
