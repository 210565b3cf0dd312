import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordRules } from '@/features/auth/components/password-rules';
import { EnterpriseSelect } from '@/features/enterprises/components/EnterpriseSelect';
import { RegionSelect } from '@/features/reference/components/RegionSelect';
import { isApiError } from '@/lib/api/errors';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import { useCreateUser } from '../api/create-user';
import type { User } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';
import { ROLES, toUserCreate, toUserFormValues, toUserPatch, type UserFormValues } from './user-form-values';

type Props = {
  /** The user to edit, `'new'` to create one, null when closed. */
  target: User | 'new' | null;
  onClose: () => void;
};

/** UserFormModal creates a user or changes one's name, role, binding or status. */
export function UserFormModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = target !== null && target !== 'new' ? target : null;
  const role = Form.useWatch('role', form);
  const required = { required: true, message: t('validation.required') };

  const submit = async () => {
    const values = await form.validateFields();
    const onError = (error: unknown) => {
      if (isApiError(error) && error.code === 'stale_version') {
        notify.warning(t('errors.staleVersion'));
        onClose();
        return;
      }
      handleApiError(error, { form });
    };
    if (editing) {
      const patch = toUserPatch(values, editing);
      if (Object.keys(patch).length === 1) return onClose();
      update.mutate({ id: editing.id, patch }, { onSuccess: () => (notify.success(t('common.saved')), onClose()), onError });
    } else {
      create.mutate(toUserCreate(values), { onSuccess: () => (notify.success(t('users.created')), onClose()), onError });
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? t('users.editTitle', { name: editing.username }) : t('users.new')}
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing ? toUserFormValues(editing) : { role: 'city_officer' }}
        data-testid="user-form"
      >
        {!editing && (
          <>
            <Form.Item
              name="username"
              label={t('auth.username')}
              extra={t('auth.usernameHint')}
              rules={[required, { pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, message: t('auth.usernameHint') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={passwordRules(t)} extra={t('auth.passwordHint')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <Form.Item name="display_name" label={t('auth.displayName')} rules={[required, { max: 64, message: t('validation.tooLong', { max: 64 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('auth.phone')} rules={[{ max: 32, message: t('validation.tooLong', { max: 32 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[required]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="user-role" />
        </Form.Item>
        {role === 'county_officer' && (
          <Form.Item name="region_code" label={t('enterprise.fields.region')} rules={[required]} extra={t('users.regionHint')}>
            <RegionSelect />
          </Form.Item>
        )}
        {role === 'enterprise' && (
          <Form.Item name="enterprise_id" label={t('users.enterprise')} rules={[required]} extra={t('users.enterpriseHint')}>
            <EnterpriseSelect initialLabel={editing?.enterprise_name} />
          </Form.Item>
        )}
        {editing && (
          <Form.Item name="status" label={t('users.status')}>
            <Select
              placeholder={t(`users.statuses.${editing.status}`)}
              options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`users.statuses.${s}`) }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
