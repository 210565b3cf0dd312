import { Alert, Button, Col, Form, InputNumber, Radio, Row, Select, Space, Typography, type FormInstance, type FormItemProps } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { isOfficer } from '@/features/enterprises/components/enterprise-access';
import { fieldPath } from '@/lib/api/handle-error';
import { hasAtMostDecimals } from '@/lib/format';
import { DIGITAL_LEVELS, figureLabel, RD_INSTITUTIONS, type FigureField } from './figure-fields';
import type { FiguresFormValues } from './figures-form-values';

type Props = {
  form: FormInstance<FiguresFormValues>;
  /** new: a year not filed yet, chosen from `years`; edit: a filed year; view: read only. */
  mode: 'new' | 'edit' | 'view';
  years?: number[];
  initialValues: FiguresFormValues;
  /** A figure to scroll to and focus (a self-check's missing input). */
  focusField?: string;
  submitting?: boolean;
  onSubmit?: (values: FiguresFormValues) => void;
  onCancel: () => void;
};

const fullWidth = { width: '100%' } as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {title}
      </Typography.Title>
      <Row gutter={16}>{children}</Row>
    </>
  );
}

/**
 * FiguresForm files or replaces one year's figures. Money is entered in 万元 (up to 4 decimals),
 * the market share as a percentage; an empty input means "not known" and is sent as null.
 * The bureau's assessments are shown to an enterprise user but cannot be changed by it.
 */
export function FiguresForm({ form, mode, years = [], initialValues, focusField, submitting, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const officer = isOfficer(me);
  const readOnly = mode === 'view';

  useEffect(() => {
    if (!focusField) return;
    // After the first paint, so the item is there to scroll to.
    const timer = setTimeout(() => {
      form.scrollToField(fieldPath(focusField), { block: 'center', focus: true });
    }, 0);
    return () => clearTimeout(timer);
  }, [form, focusField]);

  const decimals = (digits: number): FormItemProps['rules'] => [
    {
      validator: (_, v: number | null | undefined) =>
        v === null || v === undefined || hasAtMostDecimals(v, digits) ? Promise.resolve() : Promise.reject(new Error(t('validation.maxDecimals', { digits }))),
    },
  ];

  const item = (field: FigureField, control: ReactNode, extra?: FormItemProps) => (
    <Col xs={24} md={12} xl={8} key={field}>
      <Form.Item name={fieldPath(field)} label={figureLabel(t, field)} {...extra}>
        {control}
      </Form.Item>
    </Col>
  );

  const money = (field: FigureField, min: number | undefined = 0) =>
    item(field, <InputNumber style={fullWidth} min={min} suffix={t('units.wan')} data-testid={`figure-${field}`} />, { rules: decimals(4) });

  const count = (field: FigureField, min = 0, max?: number) =>
    item(field, <InputNumber style={fullWidth} min={min} max={max} precision={0} data-testid={`figure-${field}`} />);

  const triState = (field: FigureField, disabled = false) =>
    item(
      field,
      <Radio.Group
        optionType="button"
        disabled={disabled}
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
          { value: 'unknown', label: t('common.unknown') },
        ]}
      />,
      disabled ? { extra: t('figures.officerOnlyHint') } : undefined,
    );

  const officerOnly = !officer;

  return (
    <Form<FiguresFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onSubmit}
      disabled={readOnly}
      scrollToFirstError
      data-testid="figures-form"
    >
      {!readOnly && <Alert type="info" showIcon title={t('figures.moneyHint')} style={{ marginBottom: 16 }} />}
      {mode === 'new' && (
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="year" label={t('figures.year')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select<number>
                placeholder={years.length ? t('figures.yearPlaceholder') : t('figures.noYearLeft')}
                options={years.map((y) => ({ value: y, label: t('units.yearLabel', { year: y }) }))}
                data-testid="figures-year"
              />
            </Form.Item>
          </Col>
        </Row>
      )}

      <Section title={t('figures.sections.operations')}>
        {count('employees')}
        {count('rd_staff')}
        {money('operating_revenue')}
        {money('main_business_revenue')}
        {money('rd_expense')}
        {money('net_profit', undefined)}
        {money('total_assets')}
        {money('total_liabilities')}
        {money('equity_financing')}
      </Section>

      <Section title={t('figures.sections.ip')}>
        {count('ip.class1')}
        {count('ip.class1_self_developed')}
        {count('ip.class1_high_value')}
        {count('ip.class2')}
        {count('ip.class1_applied')}
      </Section>

      <Section title={t('figures.sections.rd')}>
        {item(
          'rd_institution',
          <Select
            allowClear
            placeholder={t('common.unknown')}
            options={RD_INSTITUTIONS.map((v) => ({ value: v, label: t(`criteria.institutions.${v}`) }))}
          />,
        )}
        {item(
          'digital_level',
          <Select<number>
            allowClear
            placeholder={t('common.unknown')}
            options={DIGITAL_LEVELS.map((v) => ({ value: v, label: t(`figures.digitalLevels.${v}`) }))}
          />,
        )}
      </Section>

      <Section title={t('figures.sections.quality')}>
        {triState('quality.award')}
        {triState('quality.certified')}
        {triState('quality.own_brand')}
        {triState('quality.standards')}
        {triState('info_system_core_business')}
        {triState('management_certified')}
      </Section>

      <Section title={t('figures.sections.market')}>
        {item('national_market_share', <InputNumber style={fullWidth} min={0} max={100} suffix="%" data-testid="figure-national_market_share" />, {
          rules: decimals(4),
        })}
        {count('domestic_rank', 1)}
        {triState('market_position_leading', officerOnly)}
      </Section>

      <Section title={t('figures.sections.assessment')}>
        {item('local_score', <InputNumber style={fullWidth} min={0} max={15} precision={0} disabled={officerOnly} />, {
          extra: officerOnly ? t('figures.officerOnlyHint') : undefined,
        })}
        {item('quality_score', <InputNumber style={fullWidth} min={0} max={100} />, { rules: decimals(2) })}
      </Section>

      <Space>
        {!readOnly && (
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="figures-submit">
            {t('common.save')}
          </Button>
        )}
        <Button onClick={onCancel} disabled={false} data-testid="figures-cancel">
          {readOnly ? t('common.back') : t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
