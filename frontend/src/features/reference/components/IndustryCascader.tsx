import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndustries, type IndustrySection } from '../api/get-industries';
import { industryPath } from './industry-path';

type Option = { value: string; label: string; children?: Option[] };

function toOptions(sections: IndustrySection[], lang: string): Option[] {
  const name = (x: { code: string; name: string; name_en: string }) =>
    `${x.code} ${lang === 'en-US' ? x.name_en : x.name}`;
  return sections.map((s) => ({
    value: s.code,
    label: name(s),
    children: s.divisions.map((d) => ({ value: d.code, label: name(d) })),
  }));
}


type Props = {
  id?: string;
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** allowSection lets a section alone be chosen (for filtering); a form needs a division. */
  allowSection?: boolean;
  disabled?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
  'aria-label'?: string;
};

/** IndustryCascader picks a GB/T 4754 division (or, for filters, a section); its value is the code. */
export function IndustryCascader({ value, onChange, allowSection, placeholder, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const { data, isLoading } = useIndustries();
  const options = useMemo(() => toOptions(data?.items ?? [], i18n.language), [data, i18n.language]);
  return (
    <Cascader<Option>
      {...rest}
      options={options}
      loading={isLoading}
      value={industryPath(value)}
      changeOnSelect={allowSection}
      showSearch
      placeholder={placeholder ?? t('reference.industryPlaceholder')}
      onChange={(path) => {
        const codes = (path ?? []) as string[];
        onChange?.(codes.length ? codes[codes.length - 1] : undefined);
      }}
    />
  );
}
