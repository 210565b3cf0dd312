import type { FormInstance } from 'antd';
import i18n from '@/lib/i18n';
import { notify } from '@/lib/notify';
import zhCN from '@/locales/zh-CN.json';
import { isApiError, type FieldError } from './errors';

/**
 * fieldPath turns a field the server names (`credit_code`, `ip.class1`, `honours[0].valid_from`)
 * into the name path of the antd Form.Item that holds it (`['honours', 0, 'valid_from']`).
 */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The fields the UI has a name for (the locale test keeps en-US in step with zh-CN). */
type NamedField = keyof typeof zhCN.errors.fields;
const isNamedField = (name: unknown): name is NamedField => typeof name === 'string' && Object.hasOwn(zhCN.errors.fields, name);

/**
 * fieldErrorText is a field error shown away from any input: the field by its name in the UI's
 * language (with the item, for a list's: 申报名单第 2 项), then the server's message. A field the
 * UI has no name for shows the message alone, never the API's key (`public_notice: ...`).
 */
export function fieldErrorText({ field, message }: FieldError): string {
  const [name, index] = fieldPath(field);
  if (!isNamedField(name)) return message;
  const label = i18n.t(`errors.fields.${name}`);
  const where = typeof index === 'number' ? i18n.t('errors.fieldItem', { field: label, n: index + 1 }) : label;
  return i18n.t('errors.fieldMessage', { field: where, message });
}

/** fieldErrorsText joins field errors for one toast, each said once. */
function fieldErrorsText(fields: FieldError[]): string {
  return [...new Set(fields.map(fieldErrorText))].join(i18n.t('errors.separator'));
}

/**
 * handleApiError is how a failed mutation reaches the user. Field errors go under their inputs
 * (keyed by the JSON field name, which is also the Form.Item name; nested names such as
 * `ip.class1` or `awards[0].rank` find their nested items); field errors with no input to go
 * under (no form, or a field the form has no input for) become a toast, each named as
 * fieldErrorText says; any other error becomes a toast with the server's message. A 401 has
 * already sent the user to the sign-in page. It returns whether the error was shown on the form.
 */
export function handleApiError(error: unknown, opts: { form?: FormInstance } = {}): boolean {
  if (!isApiError(error)) {
    notify.error(i18n.t('errors.unknown'));
    return false;
  }
  if (error.status === 401 && error.code !== 'invalid_credentials') return false;

  const { form } = opts;
  if (error.fields.length > 0) {
    const registered = new Set(form?.getFieldsError().map((f) => f.name.join('.')) ?? []);
    const key = (field: string) => fieldPath(field).join('.');
    const onForm = error.fields.filter((f) => registered.has(key(f.field)));
    const elsewhere = error.fields.filter((f) => !registered.has(key(f.field)));
    if (form && onForm.length > 0) {
      const grouped = new Map<string, { name: (string | number)[]; errors: string[] }>();
      for (const f of onForm) {
        const entry = grouped.get(key(f.field)) ?? { name: fieldPath(f.field), errors: [] };
        entry.errors.push(f.message);
        grouped.set(key(f.field), entry);
      }
      form.setFields([...grouped.values()]);
    }
    if (elsewhere.length > 0) notify.error(fieldErrorsText(elsewhere));
    return onForm.length > 0;
  }

  if (error.code === 'stale_version') {
    notify.warning(i18n.t('errors.staleVersion'));
    return false;
  }
  notify.error(error.message);
  return false;
}
