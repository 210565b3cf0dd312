import { Select, type SelectProps } from 'antd';
import { useBatches } from '../api/get-batches';

type Props = Omit<SelectProps<number>, 'options' | 'loading' | 'value' | 'onChange'> & {
  value?: number;
  onChange?: (id: number | undefined) => void;
};

/** BatchSelect picks one of the batches (the latest first), by name. */
export function BatchSelect({ value, onChange, ...rest }: Props) {
  const { data, isLoading } = useBatches({ page_size: 200 });
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      loading={isLoading}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={(data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
      {...rest}
    />
  );
}
