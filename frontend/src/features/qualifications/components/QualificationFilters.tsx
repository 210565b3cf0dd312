import { Button, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { tierName, TIERS } from '@/features/eligibility/components/criteria-text';
import { DATE_FORMAT } from '@/features/enterprises/components/enterprise-form-values';
import { RegionSelect } from '@/features/reference/components/RegionSelect';
import { ALL_STATUSES, DEFAULT_STATUS, EXPIRING_WITHIN, FILTER_STATUSES } from './qualification-filters';

export type QualificationFilterValues = { tier?: string; region?: string; status?: string; expiring_within_days?: string; as_of?: string };


type Props = {
  values: QualificationFilterValues;
  /** fixedRegion is a county officer's own region: shown, not changeable. */
  fixedRegion?: string | null;
  onChange: (changes: Partial<QualificationFilterValues>) => void;
  onReset: () => void;
};

/** QualificationFilters: tier, region, status (in force unless told), expiring within N days, and the date the statuses are as of. */
export function QualificationFilters({ values, fixedRegion, onChange, onReset }: Props) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="qualification-filters">
      <Select<string>
        allowClear
        value={values.tier}
        onChange={(tier) => onChange({ tier })}
        placeholder={t('workflow.qualifications.filters.tier')}
        aria-label={t('workflow.qualifications.filters.tier')}
        style={{ width: 200 }}
        options={TIERS.map((tier) => ({ value: tier, label: tierName(t, tier) }))}
        data-testid="qualification-filter-tier"
      />
      <RegionSelect
        allowClear={!fixedRegion}
        disabled={Boolean(fixedRegion)}
        value={fixedRegion ?? values.region}
        onChange={(region) => onChange({ region })}
        placeholder={t('workflow.qualifications.filters.region')}
        aria-label={t('workflow.qualifications.filters.region')}
        style={{ width: 180 }}
        data-testid="qualification-filter-region"
      />
      <Select<string>
        value={values.status ?? DEFAULT_STATUS}
        // The default (in force) stays out of the URL.
        onChange={(status) => onChange({ status: status === DEFAULT_STATUS ? undefined : status })}
        aria-label={t('workflow.qualifications.filters.status')}
        style={{ width: 140 }}
        options={[
          ...FILTER_STATUSES.map((s) => ({ value: s, label: t(`workflow.qualifications.statuses.${s}`) })),
          { value: ALL_STATUSES, label: t('workflow.qualifications.allStatuses') },
        ]}
        data-testid="qualification-filter-status"
      />
      <Select<string>
        allowClear
        value={values.expiring_within_days}
        onChange={(days) => onChange({ expiring_within_days: days })}
        placeholder={t('workflow.qualifications.filters.expiringWithin')}
        aria-label={t('workflow.qualifications.filters.expiringWithin')}
        style={{ width: 160 }}
        options={EXPIRING_WITHIN.map((days) => ({ value: String(days), label: t('workflow.qualifications.expiringWithin', { days }) }))}
        data-testid="qualification-filter-expiring"
      />
      <DatePicker
        value={values.as_of ? dayjs(values.as_of, DATE_FORMAT) : null}
        onChange={(d) => onChange({ as_of: d ? d.format(DATE_FORMAT) : undefined })}
        format={DATE_FORMAT}
        placeholder={t('workflow.qualifications.filters.asOf')}
        aria-label={t('workflow.qualifications.filters.asOf')}
        style={{ width: 150 }}
        data-testid="qualification-filter-as-of"
      />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
