import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { handleApiError } from '@/lib/api/handle-error';
import { IndustryCascader } from '@/features/reference/components/IndustryCascader';
import { RegionSelect } from '@/features/reference/components/RegionSelect';
import { useRegister, type RegistrationInput } from '../api/register';
import { passwordRules } from './password-rules';

type Values = RegistrationInput & { confirm: string };

/** RegisterForm is an enterprise's self-registration; the account then waits for the bureau. */
export function RegisterForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const register = useRegister();
  const required = { required: true, message: t('validation.required') };

  const onFinish = ({ confirm: _confirm, ...values }: Values) => {
    const body: RegistrationInput = {
      ...values,
      credit_code: values.credit_code.trim().toUpperCase(),
      phone: values.phone || undefined,
      industry_code: values.industry_code || undefined,
    };
    register.mutate(body, { onSuccess, onError: (error) => handleApiError(error, { form }) });
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} data-testid="register-form">
      <Form.Item
        name="username"
        label={t('auth.username')}
        extra={t('auth.usernameHint')}
        rules={[required, { pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, message: t('auth.usernameHint') }]}
      >
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={passwordRules(t)} extra={t('auth.passwordHint')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['password']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="display_name" label={t('auth.displayName')} rules={[required, { max: 64, message: t('validation.tooLong', { max: 64 }) }]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item name="phone" label={t('auth.phone')} rules={[{ max: 32, message: t('validation.tooLong', { max: 32 }) }]}>
        <Input autoComplete="tel" />
      </Form.Item>
      <Form.Item name="enterprise_name" label={t('enterprise.fields.name')} rules={[required, { max: 200, message: t('validation.tooLong', { max: 200 }) }]}>
        <Input autoComplete="organization" />
      </Form.Item>
      <Form.Item
        name="credit_code"
        label={t('enterprise.fields.credit_code')}
        extra={t('enterprise.creditCodeHint')}
        rules={[required, { len: 18, message: t('enterprise.creditCodeLength') }]}
      >
        <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="region_code" label={t('enterprise.fields.region')} rules={[required]}>
        <RegionSelect data-testid="region-select" />
      </Form.Item>
      <Form.Item name="industry_code" label={t('enterprise.fields.industry')}>
        <IndustryCascader allowClear />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={register.isPending} data-testid="register-submit">
        {t('auth.register')}
      </Button>
    </Form>
  );
}
