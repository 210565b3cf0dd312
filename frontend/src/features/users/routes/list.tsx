import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useUrlFilters } from '@/lib/url-state';
import { useUsers, type User, type UserListParams, type UserStatus } from '../api/get-users';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserFormModal } from '../components/UserFormModal';
import { UserTable } from '../components/UserTable';
import { ROLES } from '../components/user-form-values';

const STATUSES: UserStatus[] = ['active', 'pending', 'rejected', 'disabled'];
const FILTERS = ['q', 'role', 'status'] as const;

export function Component() {
  const { t } = useTranslation();
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const { data, isFetching, error, refetch } = useUsers({
    page,
    page_size: pageSize,
    q: values.q,
    role: values.role as UserListParams['role'],
    status: values.status as UserListParams['status'],
  });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-user">
            {t('users.new')}
          </Button>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={values.q ?? ''}
          defaultValue={values.q}
          allowClear
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          value={values.role}
          onChange={(role) => update({ role })}
          placeholder={t('users.role')}
          style={{ width: 160 }}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <Select
          allowClear
          value={values.status}
          onChange={(status) => update({ status })}
          placeholder={t('users.status')}
          style={{ width: 140 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`users.statuses.${s}`) }))}
        />
      </Flex>
      <UserTable
        items={data?.items ?? []}
        total={data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={isFetching}
        onEdit={setEditing}
        onResetPassword={setResetting}
        onPage={(p, ps) => update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps }, false)}
      />
      <UserFormModal target={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
