import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handleApiError } from '@/lib/api/handle-error';
import { isApiError } from '@/lib/api/errors';
import type { Me } from '../api/get-me';
import { useLogin, type LoginInput } from '../api/login';

// Errors about the sign-in itself show on the form; the server words them in the UI language.
const FORM_LEVEL_CODES = new Set(['invalid_credentials', 'account_pending', 'account_disabled', 'locked']);

/** LoginForm signs in and reports wrong credentials, a pending or disabled account, or a lockout. */
export function LoginForm({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginInput>();
  const login = useLogin();
  const [problem, setProblem] = useState<{ message: string; locked: boolean } | null>(null);

  const onFinish = (values: LoginInput) => {
    setProblem(null);
    login.mutate(values, {
      onSuccess,
      onError(error) {
        if (isApiError(error) && (FORM_LEVEL_CODES.has(error.code) || [401, 403, 429].includes(error.status))) {
          setProblem({ message: error.message, locked: error.status === 429 });
          return;
        }
        handleApiError(error, { form });
      },
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form">
      {problem && (
        <Alert
          data-testid="login-error"
          type={problem.locked ? 'warning' : 'error'}
          title={problem.message}
          showIcon
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
        {t('auth.signIn')}
      </Button>
    </Form>
  );
}
