import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterprises } from '../api/get-enterprises';

type Props = {
  id?: string;
  value?: number | null;
  onChange?: (id: number | undefined) => void;
  /** The current choice's name, so it shows before any search. */
  initialLabel?: string | null;
  disabled?: boolean;
};

/** EnterpriseSelect searches the registry by name or credit code and picks one enterprise. */
export function EnterpriseSelect({ id, value, onChange, initialLabel, disabled }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const { data, isFetching } = useEnterprises({ q: q || undefined, page_size: 20 });

  const options = (data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.credit_code})` }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel ?? `#${value}` });
  }

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      allowClear
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setInput }}
      notFoundContent={isFetching ? <Spin size="small" /> : t('common.noMatch')}
      placeholder={t('users.enterprisePlaceholder')}
      options={options}
      data-testid="enterprise-select"
    />
  );
}
