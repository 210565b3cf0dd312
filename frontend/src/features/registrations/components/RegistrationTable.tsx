import { Button, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionName } from '@/features/reference/components/region-name';
import { formatDateTime } from '@/lib/format';
import type { Registration, RegistrationStatus } from '../api/get-registrations';

const STATUS_COLORS: Record<RegistrationStatus, string> = { pending: 'processing', active: 'success', rejected: 'error' };

type Props = {
  items: Registration[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  approvingId?: number;
  onApprove: (r: Registration) => void;
  onReject: (r: Registration) => void;
  onPage: (page: number, pageSize: number) => void;
};

export function RegistrationTable({ items, total, page, pageSize, loading, approvingId, onApprove, onReject, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const columns: TableColumnsType<Registration> = [
    { key: 'enterprise', title: t('enterprise.fields.name'), render: (_, r) => r.enterprise.name },
    {
      key: 'credit_code',
      title: t('enterprise.fields.credit_code'),
      render: (_, r) => <span style={{ fontFamily: 'monospace' }}>{r.enterprise.credit_code}</span>,
    },
    { key: 'region', title: t('enterprise.fields.region'), render: (_, r) => regionName(r.enterprise.region_code) },
    { key: 'username', dataIndex: 'username', title: t('auth.username') },
    { key: 'display_name', dataIndex: 'display_name', title: t('auth.displayName') },
    { key: 'phone', dataIndex: 'phone', title: t('auth.phone'), render: (v: string | null) => v ?? '—' },
    { key: 'created_at', dataIndex: 'created_at', title: t('registrations.submittedAt'), render: (v: string) => formatDateTime(v, i18n.language) },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('registrations.status'),
      render: (s: RegistrationStatus, r) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLORS[s]}>{t(`registrations.statuses.${s}`)}</Tag>
          {r.decided_by && (
            <span>
              {r.decided_by} · {formatDateTime(r.decided_at, i18n.language)}
            </span>
          )}
          {r.reason && <span>{t('registrations.reasonShown', { reason: r.reason })}</span>}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, r) =>
        r.status === 'pending' && (
          <Space>
            <Popconfirm
              title={t('registrations.approveConfirm', { name: r.enterprise.name })}
              okText={t('registrations.approve')}
              cancelText={t('common.cancel')}
              onConfirm={() => onApprove(r)}
            >
              <Button type="link" size="small" loading={approvingId === r.id} data-testid={`approve-${r.id}`}>
                {t('registrations.approve')}
              </Button>
            </Popconfirm>
            <Button type="link" size="small" danger onClick={() => onReject(r)} data-testid={`reject-${r.id}`}>
              {t('registrations.reject')}
            </Button>
          </Space>
        ),
    },
  ];
  return (
    <Table<Registration>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? pageSize)}
      data-testid="registrations-table"
    />
  );
}
