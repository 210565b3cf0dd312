import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import { useChangePassword, type PasswordChangeInput } from '../api/change-password';
import { passwordRules } from './password-rules';

type Values = PasswordChangeInput & { confirm: string };

/** ChangePasswordModal changes the signed-in user's own password. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const submit = async () => {
    const { current_password, new_password } = await form.validateFields();
    change.mutate(
      { current_password, new_password },
      {
        onSuccess() {
          notify.success(t('auth.passwordChanged'));
          form.resetFields();
          onClose();
        },
        onError: (error) => handleApiError(error, { form }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('header.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="change-password-form">
        <Form.Item name="current_password" label={t('auth.currentPassword')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="new_password" label={t('auth.newPassword')} rules={passwordRules(t)} extra={t('auth.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['new_password']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('new_password') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
