import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Space, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { isOfficer } from './enterprise-access';
import { DATE_FORMAT } from './enterprise-form-values';
import { AWARD_LEVELS, FIELD_CLASSES, HONOUR_CODES, MAKERS_TOPS, type FactsFormValues, type ListState } from './facts-form-values';

type ListName = 'honours' | 'awards' | 'makers_china';

type Props = {
  form: FormInstance<FactsFormValues>;
  initialValues: FactsFormValues;
  submitting: boolean;
  onSubmit: (values: FactsFormValues) => void;
  onCancel: () => void;
};

/**
 * FactsForm edits the profile's criteria facts: the general conditions as yes/no/not known, the
 * field of the main product, the officers' assessments (read-only to an enterprise user), and the
 * honours, awards and 创客中国 places as lists where "none" and "not known" are explicit choices.
 */
export function FactsForm({ form, initialValues, submitting, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const officer = isOfficer(me);
  const thisYear = new Date().getFullYear();
  const required = { required: true, message: t('validation.required') };

  const triState = (name: keyof FactsFormValues, label: string, disabled = false) => (
    <Form.Item name={name} label={label} extra={disabled ? t('facts.officerAssessment') : undefined}>
      <Radio.Group
        optionType="button"
        disabled={disabled}
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
          { value: 'unknown', label: t('common.unknown') },
        ]}
        data-testid={`facts-${name}`}
      />
    </Form.Item>
  );

  /** listEditor is a list with its explicit state: not known, none, or these items. */
  const listEditor = (name: ListName, title: string, addLabel: string, blank: object, row: (field: number) => ReactNode) => {
    const stateName = `${name}_state` as const;
    return (
      <Card size="small" title={title} style={{ marginBottom: 16 }} data-testid={`facts-${name}`}>
        <Form.Item name={stateName} style={{ marginBottom: 8 }}>
          <Radio.Group
            options={(['unknown', 'none', 'list'] as ListState[]).map((s) => ({ value: s, label: t(`facts.listStates.${s}`) }))}
            onChange={(e) => {
              if (e.target.value === 'list' && (form.getFieldValue(name) ?? []).length === 0) form.setFieldValue(name, [blank]);
            }}
            data-testid={`facts-${name}-state`}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a: FactsFormValues, b: FactsFormValues) => a[stateName] !== b[stateName]}>
          {() =>
            form.getFieldValue(stateName) === 'list' && (
              <Form.List
                name={name}
                rules={[
                  {
                    validator: async (_, rows?: unknown[]) => {
                      if (form.getFieldValue(stateName) === 'list' && (!rows || rows.length === 0)) throw new Error(t('validation.listNeedsItem'));
                    },
                  },
                ]}
              >
                {(fields, { add, remove }, { errors }) => (
                  <>
                    {fields.map((field) => (
                      <Flex key={field.key} gap={8} wrap align="start">
                        {row(field.name)}
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('common.remove')}
                          onClick={() => remove(field.name)}
                          style={{ marginTop: 30 }}
                        />
                      </Flex>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blank)} data-testid={`facts-${name}-add`}>
                      {addLabel}
                    </Button>
                    <Form.ErrorList errors={errors} />
                  </>
                )}
              </Form.List>
            )
          }
        </Form.Item>
      </Card>
    );
  };

  const yearInput = <InputNumber min={1949} max={thisYear} precision={0} style={{ width: 110 }} />;

  return (
    <Form<FactsFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={onSubmit} scrollToFirstError data-testid="facts-form">
      <Card size="small" title={t('facts.general')} style={{ marginBottom: 16 }}>
        {triState('abnormal_or_dishonest_listed', t('facts.abnormal_or_dishonest_listed'))}
        {triState('major_incident_or_violation_3y', t('facts.major_incident_or_violation_3y'))}
      </Card>
      <Card size="small" title={t('facts.mainProduct')} style={{ marginBottom: 16 }}>
        <Form.Item name="field_class" label={t('facts.field_class')}>
          <Radio.Group
            options={[
              ...FIELD_CLASSES.map((c) => ({ value: c, label: t(`criteria.fieldClasses.${c}`) })),
              { value: 'unknown', label: t('common.unknown') },
            ]}
            data-testid="facts-field_class"
          />
        </Form.Item>
        {triState('key_field', t('facts.key_field'), !officer)}
        {triState('key_chain_link', t('facts.key_chain_link'), !officer)}
      </Card>

      {listEditor('honours', t('facts.honours'), t('facts.honour.add'), { valid_until: null }, (i) => (
        <>
          <Form.Item name={[i, 'code']} label={t('facts.honour.code')} rules={[required]} style={{ minWidth: 240 }}>
            <Select options={HONOUR_CODES.map((c) => ({ value: c, label: t(`criteria.honours.${c}`) }))} popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name={[i, 'valid_from']} label={t('facts.honour.valid_from')} rules={[required]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name={[i, 'valid_until']} label={t('facts.honour.valid_until')}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name={[i, 'certificate_no']} label={t('facts.honour.certificate_no')} rules={[{ max: 100, message: t('validation.tooLong', { max: 100 }) }]}>
            <Input style={{ width: 180 }} />
          </Form.Item>
        </>
      ))}

      {listEditor('awards', t('facts.awards'), t('facts.award.add'), {}, (i) => (
        <>
          <Form.Item name={[i, 'year']} label={t('facts.award.year')} rules={[required]}>
            {yearInput}
          </Form.Item>
          <Form.Item name={[i, 'level']} label={t('facts.award.level')} rules={[required]} style={{ minWidth: 120 }}>
            <Select options={AWARD_LEVELS.map((l) => ({ value: l, label: t(`criteria.awardLevels.${l}`) }))} />
          </Form.Item>
          <Form.Item name={[i, 'rank']} label={t('facts.award.rank')} rules={[required]}>
            <InputNumber min={1} precision={0} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name={[i, 'name']} label={t('facts.award.name')} rules={[{ max: 200, message: t('validation.tooLong', { max: 200 }) }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
        </>
      ))}

      {listEditor('makers_china', t('facts.makers_china'), t('facts.makers.add'), {}, (i) => (
        <>
          <Form.Item name={[i, 'year']} label={t('facts.makers.year')} rules={[required]}>
            {yearInput}
          </Form.Item>
          <Form.Item name={[i, 'top']} label={t('facts.makers.top')} rules={[required]} style={{ minWidth: 160 }}>
            <Select options={MAKERS_TOPS.map((top) => ({ value: top, label: top === 50 ? t('facts.makers.top50') : t('facts.makers.top500') }))} />
          </Form.Item>
        </>
      ))}

      <Space>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="facts-submit">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
