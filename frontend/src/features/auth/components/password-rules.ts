import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/** passwordRules mirrors the server's rule (8+ characters, letters and digits); the server decides. */
export function passwordRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('validation.required') },
    { min: 8, message: t('auth.passwordTooShort') },
    { max: 128, message: t('validation.tooLong', { max: 128 }) },
    {
      validator: (_, value: string | undefined) =>
        !value || (/[A-Za-z]/.test(value) && /\d/.test(value)) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordHint'))),
    },
  ];
}
