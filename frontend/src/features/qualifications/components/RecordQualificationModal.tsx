import { DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { tierName, TIERS } from '@/features/eligibility/components/criteria-text';
import { DATE_FORMAT } from '@/features/enterprises/components/enterprise-form-values';
import { EnterpriseSelect } from '@/features/enterprises/components/EnterpriseSelect';
import { handleApiError } from '@/lib/api/handle-error';
import { formatDate } from '@/lib/format';
import { notify } from '@/lib/notify';
import { useRecordQualification } from '../api/record-qualification';
import { toQualificationRecord, type RecordValues } from './record-values';
import { validUntilOf } from './validity';

/** The earliest grant the server accepts. */
const EARLIEST_GRANT = '2011-01-01';

/**
 * RecordQualificationModal records a qualification granted before the system was in use (city
 * officer, admin): the enterprise, the tier, the batch and announcement it came with, and the day
 * granted; it is valid for three years from that day.
 */
export function RecordQualificationModal({ open, onClose }: { open: boolean; onClose: (id?: number) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<RecordValues>();
  const record = useRecordQualification();
  const grantedOn = Form.useWatch('granted_on', form);
  const required = { required: true, message: t('validation.required') };
  const until = grantedOn ? validUntilOf(grantedOn.format(DATE_FORMAT)) : undefined;

  const submit = async () => {
    const values = await form.validateFields();
    record.mutate(toQualificationRecord(values), {
      onSuccess(q) {
        notify.success(t('workflow.qualifications.recorded'));
        onClose(q.id);
      },
      onError: (error) => handleApiError(error, { form }),
    });
  };

  return (
    <Modal
      open={open}
      title={t('workflow.qualifications.recordTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={() => onClose()}
      okButtonProps={{ 'data-testid': 'record-qualification-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('workflow.qualifications.recordHint')}</Typography.Paragraph>
      <Form<RecordValues> form={form} layout="vertical" preserve={false} initialValues={{ tier: 'innovative_sme', granted_on: null }} data-testid="record-qualification-form">
        <Form.Item name="enterprise_id" label={t('workflow.qualifications.enterprise')} rules={[required]}>
          <EnterpriseSelect id="enterprise_id" />
        </Form.Item>
        <Form.Item name="tier" label={t('workflow.qualifications.columns.tier')} rules={[required]}>
          <Select options={TIERS.map((tier) => ({ value: tier, label: tierName(t, tier) }))} data-testid="record-tier" />
        </Form.Item>
        <Form.Item
          name="batch_name"
          label={t('workflow.qualifications.batchName')}
          rules={[required, { whitespace: true, message: t('validation.required') }, { max: 200, message: t('validation.tooLong', { max: 200 }) }]}
        >
          <Input placeholder={t('workflow.qualifications.batchNamePlaceholder')} maxLength={200} data-testid="record-batch-name" />
        </Form.Item>
        <Form.Item
          name="announcement_no"
          label={t('workflow.transition.announcementNo')}
          rules={[required, { whitespace: true, message: t('validation.required') }, { max: 100, message: t('validation.tooLong', { max: 100 }) }]}
        >
          <Input placeholder={t('workflow.transition.announcementPlaceholder')} maxLength={100} data-testid="record-announcement" />
        </Form.Item>
        <Form.Item
          name="granted_on"
          label={t('workflow.transition.grantedOn')}
          rules={[required]}
          extra={until ? t('workflow.transition.validUntil', { date: formatDate(until, i18n.language) }) : undefined}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(EARLIEST_GRANT), 'day')}
            data-testid="record-granted-on"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
