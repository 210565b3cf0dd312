import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import type { Registration } from '../api/get-registrations';
import { useRejectRegistration } from '../api/reject-registration';

/** RejectRegistrationModal refuses a pending registration; the reason is required and kept. */
export function RejectRegistrationModal({ registration, onClose }: { registration: Registration | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useRejectRegistration();

  const submit = async () => {
    if (!registration) return;
    const { reason } = await form.validateFields();
    reject.mutate(
      { id: registration.id, reason: reason.trim() },
      {
        onSuccess() {
          notify.success(t('registrations.rejected'));
          onClose();
        },
        onError: (error) => handleApiError(error, { form }),
      },
    );
  };

  return (
    <Modal
      open={registration !== null}
      title={t('registrations.rejectTitle', { name: registration?.enterprise.name ?? '' })}
      okText={t('registrations.reject')}
      okButtonProps={{ danger: true, 'data-testid': 'reject-confirm' }}
      cancelText={t('common.cancel')}
      confirmLoading={reject.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('registrations.reason')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 500, message: t('validation.tooLong', { max: 500 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} showCount data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
