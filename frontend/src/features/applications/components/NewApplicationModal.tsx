import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAnnualReports } from '@/features/annual-reports/api/get-annual-reports';
import { useBatches, type Batch } from '@/features/batches/api/get-batches';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { enterpriseTabPath } from '@/features/enterprises/components/enterprise-tabs';
import { useEnterpriseQualifications } from '@/features/qualifications/api/get-enterprise-qualifications';
import { handleApiError } from '@/lib/api/handle-error';
import { formatDate } from '@/lib/format';
import { notify } from '@/lib/notify';
import { useCreateApplication } from '../api/create-application';
import { missingPrerequisite } from './workflow-rules';

type Values = { batch_id?: number; report_year?: number };

/**
 * NewApplicationModal starts an application of an enterprise in one of the open batches, resting on
 * one of its filed years (the latest by default). The draft opens on its own page.
 */
export function NewApplicationModal({ enterpriseId, open, onClose }: { enterpriseId: number; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const batches = useBatches({ status: 'open', page_size: 200 }, { enabled: open });
  const reports = useAnnualReports(open ? enterpriseId : 0);
  const held = useEnterpriseQualifications(open ? enterpriseId : 0, { status: 'valid', page_size: 50 });
  const chosenId = Form.useWatch('batch_id', form);
  const create = useCreateApplication();
  const years = (reports.data?.items ?? []).map((r) => r.year).sort((a, b) => b - a);
  const openBatches = batches.data?.items ?? [];
  const required = { required: true, message: t('validation.required') };
  const latest = years[0];
  // The tier a batch needs that the enterprise does not hold: said before it applies, the server refuses the submission.
  const missing = (b: Batch) => (held.data ? missingPrerequisite(b, held.data.items) : undefined);
  const chosen = openBatches.find((b) => b.id === chosenId);
  const chosenMissing = chosen && missing(chosen);

  // The latest filed year is the natural choice, once the years are known.
  useEffect(() => {
    if (open && latest !== undefined && form.getFieldValue('report_year') === undefined) form.setFieldsValue({ report_year: latest });
  }, [open, latest, form]);

  const submit = async () => {
    const values = await form.validateFields();
    create.mutate(
      { batch_id: values.batch_id as number, enterprise_id: enterpriseId, report_year: values.report_year as number },
      {
        onSuccess(application) {
          notify.success(t('workflow.applications.created'));
          onClose();
          navigate(`/applications/${application.id}`);
        },
        onError: (error) => handleApiError(error, { form }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('workflow.applications.newTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'new-application-submit' }}
      destroyOnHidden
    >
      {batches.isSuccess && openBatches.length === 0 && (
        <Alert type="info" showIcon title={t('workflow.applications.noOpenBatch')} style={{ marginBottom: 16 }} data-testid="no-open-batch" />
      )}
      {reports.isSuccess && years.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={<Link to={enterpriseTabPath(enterpriseId, 'figures')}>{t('workflow.applications.noReports')}</Link>}
          data-testid="no-reports"
        />
      )}
      <Form<Values> form={form} layout="vertical" preserve={false} data-testid="new-application-form">
        <Form.Item name="batch_id" label={t('workflow.applications.batch')} rules={[required]}>
          <Select<number>
            loading={batches.isFetching}
            placeholder={t('workflow.applications.batchPlaceholder')}
            popupMatchSelectWidth={false}
            optionRender={(option) => {
              const b = openBatches.find((x) => x.id === option.value);
              const needs = b && missing(b);
              return (
                <div data-testid={`batch-option-${option.value}`}>
                  <div>{option.label}</div>
                  {needs && (
                    <Typography.Text type="warning" style={{ fontSize: 12 }}>
                      {t('workflow.applications.needsTier', { tier: tierName(t, needs) })}
                    </Typography.Text>
                  )}
                </div>
              );
            }}
            options={openBatches.map((b) => ({
              value: b.id,
              label: t('workflow.applications.batchOption', {
                name: b.name,
                tier: tierName(t, b.tier, b.ruleset),
                window: t('workflow.batches.windowText', { from: formatDate(b.opens_on, i18n.language), to: formatDate(b.closes_on, i18n.language) }),
              }),
            }))}
            data-testid="new-application-batch"
          />
        </Form.Item>
        {chosenMissing && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('workflow.applications.needsTierNotice', { tier: tierName(t, chosenMissing) })}
            data-testid="needs-tier"
          />
        )}
        <Form.Item name="report_year" label={t('workflow.applications.reportYear')} rules={[required]} extra={t('workflow.applications.reportYearHint')}>
          <Select<number>
            loading={reports.isFetching}
            options={years.map((y) => ({ value: y, label: t('units.yearLabel', { year: y }) }))}
            data-testid="new-application-year"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
