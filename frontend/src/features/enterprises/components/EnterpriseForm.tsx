import { Alert, Button, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { IndustryCascader } from '@/features/reference/components/IndustryCascader';
import { RegionSelect } from '@/features/reference/components/RegionSelect';
import { useOfficers } from '../api/get-officers';
import { DATE_FORMAT, type EnterpriseFormValues } from './enterprise-form-values';
import { ENTERPRISE_USER_READONLY, isOfficer } from './enterprise-access';
import { LISTING_RESERVE_TAG } from './enterprise-constants';

type Props = {
  form: FormInstance<EnterpriseFormValues>;
  mode: 'create' | 'edit';
  initialValues?: Partial<EnterpriseFormValues>;
  /** The current liaison officer's name, shown even when the officer list does not include it. */
  liaisonOfficerName?: string | null;
  submitting: boolean;
  onSubmit: (values: EnterpriseFormValues) => void;
  onCancel: () => void;
};

/**
 * EnterpriseForm adds or edits a registry entry. Officers change everything (a county officer
 * within its own region); an enterprise user changes its own profile only.
 */
export function EnterpriseForm({ form, mode, initialValues, liaisonOfficerName, submitting, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const officer = isOfficer(me);
  const readOnly = new Set<string>(officer ? [] : ENTERPRISE_USER_READONLY);
  const regionFixed = me.role === 'county_officer' || readOnly.has('region_code');
  const regionCode = Form.useWatch('region_code', form);
  const officers = useOfficers(regionCode, { enabled: officer && Boolean(regionCode) });
  const currentLiaison = initialValues?.liaison_officer_id;

  const officerOptions = (officers.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.display_name} (${t(`roles.${o.role}`)})`,
  }));
  if (currentLiaison && !officerOptions.some((o) => o.value === currentLiaison)) {
    officerOptions.unshift({ value: currentLiaison, label: liaisonOfficerName ?? `#${currentLiaison}` });
  }

  const required = { required: true, message: t('validation.required') };
  const max = (n: number) => ({ max: n, message: t('validation.tooLong', { max: n }) });

  return (
    <Form<EnterpriseFormValues>
      form={form}
      layout="vertical"
      initialValues={{ tags: [], strategic_emerging: 'unknown', ...initialValues }}
      onFinish={onSubmit}
      data-testid="enterprise-form"
      scrollToFirstError
    >
      {!officer && mode === 'edit' && (
        <Alert type="info" showIcon title={t('enterprise.readOnlyForEnterprise')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('enterprise.fields.name')} rules={[required, max(200)]}>
            <Input disabled={readOnly.has('name')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="credit_code"
            label={t('enterprise.fields.credit_code')}
            extra={t('enterprise.creditCodeHint')}
            normalize={(v?: string) => v?.toUpperCase()}
            rules={[required, { len: 18, message: t('enterprise.creditCodeLength') }]}
          >
            <Input maxLength={18} disabled={readOnly.has('credit_code')} style={{ fontFamily: 'monospace' }} data-testid="credit-code-input" />
          </Form.Item>
        </Col>
      </Row>
      {officer && (
        <Form.Item name="credit_code_override" valuePropName="checked" extra={t('enterprise.overrideHelp')}>
          <Checkbox data-testid="credit-code-override">{t('enterprise.fields.credit_code_override')}</Checkbox>
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="region_code" label={t('enterprise.fields.region')} rules={[required]}>
            <RegionSelect disabled={regionFixed} data-testid="region-select" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industry_code" label={t('enterprise.fields.industry')} rules={[required]}>
            <IndustryCascader data-testid="industry-cascader" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="founded_on" label={t('enterprise.fields.founded_on')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t('enterprise.fields.address')} rules={[max(200)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="main_products" label={t('enterprise.fields.main_products')} rules={[max(500)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="niche_market" label={t('enterprise.fields.niche_market')} rules={[max(200)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="niche_market_since" label={t('enterprise.fields.niche_market_since')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="strategic_emerging" label={t('enterprise.fields.strategic_emerging')}>
        <Radio.Group
          options={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
            { value: 'unknown', label: t('common.unknown') },
          ]}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="contact_person" label={t('enterprise.fields.contact_person')} rules={[max(64)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contact_phone" label={t('enterprise.fields.contact_phone')} rules={[max(32)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="liaison_officer_id" label={t('enterprise.fields.liaison_officer')}>
            <Select
              allowClear
              disabled={readOnly.has('liaison_officer_id')}
              loading={officers.isFetching}
              options={officerOptions}
              placeholder={regionCode ? t('enterprise.liaisonPlaceholder') : t('enterprise.liaisonNeedsRegion')}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="tags" label={t('enterprise.fields.tags')}>
            <Select
              mode="tags"
              disabled={readOnly.has('tags')}
              options={[{ value: LISTING_RESERVE_TAG, label: t('enterprise.tagListingReserve') }]}
              placeholder={t('enterprise.tagsPlaceholder')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="enterprise-submit">
          {mode === 'create' ? t('common.create') : t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
