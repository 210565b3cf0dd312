import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordRules } from '@/features/auth/components/password-rules';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import type { User } from '../api/get-users';
import { useResetUserPassword } from '../api/reset-user-password';

/** ResetPasswordModal sets a new password for a user; the user's sessions end. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetUserPassword();

  const submit = async () => {
    if (!user) return;
    const { password } = await form.validateFields();
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess() {
          notify.success(t('users.passwordReset', { name: user.username }));
          onClose();
        },
        onError: (error) => handleApiError(error, { form }),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.username ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="password" label={t('auth.newPassword')} rules={passwordRules(t)} extra={t('users.resetPasswordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
