import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionName } from '@/features/reference/components/region-name';
import { formatDateTime } from '@/lib/format';
import type { User, UserStatus } from '../api/get-users';

const STATUS_COLORS: Record<UserStatus, string> = { active: 'success', pending: 'processing', rejected: 'default', disabled: 'error' };

type Props = {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onEdit: (u: User) => void;
  onResetPassword: (u: User) => void;
  onPage: (page: number, pageSize: number) => void;
};

export function UserTable({ items, total, page, pageSize, loading, onEdit, onResetPassword, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const columns: TableColumnsType<User> = [
    { key: 'username', dataIndex: 'username', title: t('auth.username') },
    { key: 'display_name', dataIndex: 'display_name', title: t('auth.displayName') },
    { key: 'role', dataIndex: 'role', title: t('users.role'), render: (r: User['role']) => t(`roles.${r}`) },
    {
      key: 'binding',
      title: t('users.binding'),
      render: (_, u) => (u.role === 'enterprise' ? (u.enterprise_name ?? '—') : u.region_code ? regionName(u.region_code) : '—'),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('users.status'),
      render: (s: UserStatus) => <Tag color={STATUS_COLORS[s]}>{t(`users.statuses.${s}`)}</Tag>,
    },
    {
      key: 'last_login_at',
      dataIndex: 'last_login_at',
      title: t('users.lastLogin'),
      render: (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, u) => (
        <Space>
          <Button type="link" size="small" onClick={() => onEdit(u)} data-testid={`edit-user-${u.username}`}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => onResetPassword(u)}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Table<User>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? pageSize)}
      data-testid="users-table"
    />
  );
}
