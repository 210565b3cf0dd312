import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import type { AuditEvent } from '../api/get-audit-events';
import { auditActionLabel, auditEntityTypeLabel } from './audit-actions';
import { AuditChange } from './AuditChange';

type Props = {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
};

function ActionCell({ action }: { action: string }) {
  const { t } = useTranslation();
  const { label, known } = auditActionLabel(t, action);
  if (!known) return <code data-testid="audit-action">{action}</code>;
  return (
    <span data-testid="audit-action">
      {label}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <code>{action}</code>
      </Typography.Text>
    </span>
  );
}

export function AuditTable({ items, total, page, pageSize, loading, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<AuditEvent> = [
    { key: 'at', dataIndex: 'at', title: t('audit.at'), render: (v: string) => formatDateTime(v, i18n.language) },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, e) =>
        e.actor_username ? (
          <>
            {e.actor_username} {e.actor_role && <Tag>{t(`roles.${e.actor_role}`)}</Tag>}
          </>
        ) : (
          '—'
        ),
    },
    { key: 'action', dataIndex: 'action', title: t('audit.action'), render: (v: string) => <ActionCell action={v} /> },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, e) => (e.entity_type ? `${auditEntityTypeLabel(t, e.entity_type)}${e.entity_id ? ` #${e.entity_id}` : ''}` : '—'),
    },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Table<AuditEvent>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      expandable={{ expandedRowRender: (e) => <AuditChange event={e} /> }}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? pageSize)}
      data-testid="audit-table"
    />
  );
}
