import { Flex, Select, Typography, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditActionOptions } from './audit-actions';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch' | 'optionRender'>;

/** AuditActionSelect picks one action, or a whole group of them, by name or by code. */
export function AuditActionSelect(props: Props) {
  const { t } = useTranslation();
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: ['label', 'value'] }}
      options={auditActionOptions(t)}
      optionRender={(option) => (
        <Flex justify="space-between" gap={12}>
          <span>{option.label}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.value}
          </Typography.Text>
        </Flex>
      )}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
