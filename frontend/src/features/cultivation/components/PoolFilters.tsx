import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tier } from '@/features/eligibility/api/get-eligibility';
import { TIERS, tierName } from '@/features/eligibility/components/criteria-text';
import { IndustryCascader } from '@/features/reference/components/IndustryCascader';
import { RegionSelect } from '@/features/reference/components/RegionSelect';

export type PoolFilterValues = {
  target_tier: Tier;
  region?: string;
  industry?: string;
  status?: string;
  followed?: string;
};

type Props = {
  values: PoolFilterValues;
  /** fixedRegion is a county officer's own region: shown, not changeable. */
  fixedRegion?: string | null;
  /** The ruleset the pool is ranked under, which names the tiers (科技和创新型中小企业 under miit-2026). */
  ruleset?: string;
  onChange: (changes: Partial<PoolFilterValues>) => void;
  onReset: () => void;
};

export function PoolFilters({ values, fixedRegion, ruleset, onChange, onReset }: Props) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="pool-filters">
      <Select<Tier>
        value={values.target_tier}
        onChange={(target_tier) => onChange({ target_tier })}
        options={TIERS.map((tier) => ({ value: tier, label: tierName(t, tier, ruleset) }))}
        style={{ width: 280 }}
        popupMatchSelectWidth={false}
        aria-label={t('cultivation.targetTier')}
        prefix={t('cultivation.targetTier')}
        data-testid="pool-filter-tier"
      />
      <RegionSelect
        allowClear={!fixedRegion}
        disabled={Boolean(fixedRegion)}
        value={fixedRegion ?? values.region}
        onChange={(region) => onChange({ region })}
        placeholder={t('enterprise.filterRegion')}
        style={{ width: 180 }}
        data-testid="pool-filter-region"
      />
      <IndustryCascader
        allowSection
        allowClear
        value={values.industry}
        onChange={(industry) => onChange({ industry })}
        placeholder={t('enterprise.filterIndustry')}
        style={{ width: 240 }}
        data-testid="pool-filter-industry"
      />
      <Select<string>
        allowClear
        value={values.status}
        onChange={(status) => onChange({ status })}
        placeholder={t('cultivation.filterStatus')}
        style={{ width: 140 }}
        options={(['eligible', 'not_eligible'] as const).map((s) => ({ value: s, label: t(`cultivation.statuses.${s}`) }))}
        data-testid="pool-filter-status"
      />
      <Select<string>
        allowClear
        value={values.followed}
        onChange={(followed) => onChange({ followed })}
        placeholder={t('cultivation.filterFollowed')}
        style={{ width: 140 }}
        options={(['true', 'false'] as const).map((f) => ({ value: f, label: t(`cultivation.followedOptions.${f}`) }))}
        data-testid="pool-filter-followed"
      />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
