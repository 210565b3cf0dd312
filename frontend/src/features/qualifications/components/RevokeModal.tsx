import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { isApiError } from '@/lib/api/errors';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import type { Qualification } from '../api/get-qualifications';
import { REVOKE_REASON_CODES, useRevokeQualification, type RevokeReasonCode } from '../api/revoke-qualification';

type Values = { reason_code?: RevokeReasonCode; reason?: string };

const MAX_REASON = 1000;

type Props = {
  qualification: Pick<Qualification, 'id' | 'enterprise_name' | 'tier'> | null;
  onClose: (revoked: boolean) => void;
};

/** RevokeModal revokes a qualification from today (city officer, admin), on one of the grounds and with a reason in words. */
export function RevokeModal({ qualification, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const revoke = useRevokeQualification();

  const submit = async () => {
    if (!qualification) return;
    const values = await form.validateFields();
    revoke.mutate(
      { id: qualification.id, body: { reason_code: values.reason_code as RevokeReasonCode, reason: (values.reason ?? '').trim() } },
      {
        onSuccess() {
          notify.success(t('workflow.qualifications.revoked'));
          onClose(true);
        },
        onError(error) {
          // Already revoked or expired meanwhile: the drawer shows it as it is now.
          if (isApiError(error) && error.code === 'invalid_transition') {
            notify.warning(error.message);
            return onClose(false);
          }
          handleApiError(error, { form });
        },
      },
    );
  };

  return (
    <Modal
      open={qualification !== null}
      title={qualification ? t('workflow.qualifications.revokeTitle', { name: `${qualification.enterprise_name} · ${tierName(t, qualification.tier)}` }) : ''}
      okText={t('workflow.qualifications.revoke')}
      okButtonProps={{ danger: true, 'data-testid': 'revoke-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={revoke.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('workflow.qualifications.revokeHint')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" preserve={false} data-testid="revoke-form">
        <Form.Item name="reason_code" label={t('workflow.qualifications.reasonCode')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select<RevokeReasonCode>
            options={REVOKE_REASON_CODES.map((code) => ({ value: code, label: t(`workflow.qualifications.reasonCodes.${code}`) }))}
            data-testid="revoke-reason-code"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('workflow.qualifications.reason')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: MAX_REASON, message: t('validation.tooLong', { max: MAX_REASON }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={MAX_REASON} showCount data-testid="revoke-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
