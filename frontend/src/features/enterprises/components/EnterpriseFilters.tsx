import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { IndustryCascader } from '@/features/reference/components/IndustryCascader';
import { RegionSelect } from '@/features/reference/components/RegionSelect';
import { SIZE_CLASSES } from './enterprise-constants';

export type EnterpriseFilterValues = {
  q?: string;
  region?: string;
  industry?: string;
  size_class?: string;
};

type Props = {
  values: EnterpriseFilterValues;
  /** fixedRegion is a county officer's own region: shown, not changeable. */
  fixedRegion?: string | null;
  onChange: (changes: Partial<EnterpriseFilterValues>) => void;
  onReset: () => void;
};

export function EnterpriseFilters({ values, fixedRegion, onChange, onReset }: Props) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="enterprise-filters">
      <Input.Search
        key={values.q ?? ''}
        defaultValue={values.q}
        allowClear
        placeholder={t('enterprise.searchPlaceholder')}
        aria-label={t('enterprise.searchPlaceholder')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 280 }}
        data-testid="enterprise-search"
        maxLength={100}
      />
      <RegionSelect
        allowClear={!fixedRegion}
        disabled={Boolean(fixedRegion)}
        value={fixedRegion ?? values.region}
        onChange={(region) => onChange({ region })}
        placeholder={t('enterprise.filterRegion')}
        style={{ width: 180 }}
        data-testid="filter-region"
      />
      <IndustryCascader
        allowSection
        allowClear
        value={values.industry}
        onChange={(industry) => onChange({ industry })}
        placeholder={t('enterprise.filterIndustry')}
        style={{ width: 240 }}
        data-testid="filter-industry"
      />
      <Select<string>
        allowClear
        value={values.size_class}
        onChange={(size_class) => onChange({ size_class })}
        placeholder={t('enterprise.filterSizeClass')}
        style={{ width: 140 }}
        data-testid="filter-size-class"
        options={SIZE_CLASSES.map((s) => ({ value: s, label: t(`enterprise.sizeClass.${s}`) }))}
      />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}
