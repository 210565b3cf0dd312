import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../api/get-regions';
import { regionLabel } from './region-name';

type Props = Omit<SelectProps<string>, 'options' | 'loading'>;

/** RegionSelect picks one of the city's regions by code. */
export function RegionSelect(props: Props) {
  const { t, i18n } = useTranslation();
  const { data, isLoading } = useRegions();
  return (
    <Select<string>
      placeholder={t('reference.regionPlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      loading={isLoading}
      options={(data?.items ?? []).map((r) => ({ value: r.code, label: regionLabel(r, i18n.language) }))}
      {...props}
    />
  );
}
