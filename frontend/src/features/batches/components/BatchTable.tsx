import { Button, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { formatDate } from '@/lib/format';
import type { Batch } from '../api/get-batches';
import { BatchCounts } from './BatchCounts';
import { BatchStatusTag } from './BatchStatusTag';

type Props = {
  items: Batch[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** canManage: a city officer or an admin edits and closes batches. */
  canManage: boolean;
  onEdit: (b: Batch) => void;
  onCloseEarly: (b: Batch, close: boolean) => void;
  onPage: (page: number, pageSize: number) => void;
};

/** BatchTable lists the batches with their window, status as of today and applications by state (the ruleset is on a batch's page). */
export function BatchTable({ items, total, page, pageSize, loading, canManage, onEdit, onCloseEarly, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<Batch> = [
    {
      key: 'name',
      title: t('workflow.batches.fields.name'),
      render: (_, b) => (
        <>
          <Link to={`/batches/${b.id}`} data-testid="batch-link">
            {b.name}
          </Link>
          <div style={{ fontSize: 12, opacity: 0.65 }}>{t('workflow.batches.kindYear', { kind: t(`workflow.kinds.${b.kind}`), year: b.year })}</div>
        </>
      ),
    },
    { key: 'tier', title: t('workflow.batches.fields.tier'), render: (_, b) => tierName(t, b.tier, b.ruleset) },
    {
      key: 'window',
      title: t('workflow.batches.fields.window'),
      render: (_, b) => (
        <>
          <div>{t('workflow.batches.windowText', { from: formatDate(b.opens_on, i18n.language), to: formatDate(b.closes_on, i18n.language) })}</div>
          <BatchStatusTag status={b.status} />
          {b.closed_early_on && <span style={{ fontSize: 12, opacity: 0.65 }}>{t('workflow.batches.closedEarly', { date: formatDate(b.closed_early_on, i18n.language) })}</span>}
        </>
      ),
    },
    { key: 'counts', title: t('workflow.batches.fields.counts'), render: (_, b) => <BatchCounts counts={b.counts} /> },
    ...(canManage
      ? ([
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'right',
            render: (_, b) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => onEdit(b)} data-testid={`edit-batch-${b.id}`}>
                  {t('common.edit')}
                </Button>
                {b.closed_early_on ? (
                  <Popconfirm title={t('workflow.batches.reopenConfirm')} okText={t('workflow.batches.reopen')} cancelText={t('common.cancel')} onConfirm={() => onCloseEarly(b, false)}>
                    <Button type="link" size="small" data-testid={`reopen-batch-${b.id}`}>
                      {t('workflow.batches.reopen')}
                    </Button>
                  </Popconfirm>
                ) : (
                  b.status !== 'closed' && (
                    <Popconfirm
                      title={t('workflow.batches.closeEarlyConfirm', { name: b.name })}
                      okText={t('workflow.batches.closeEarly')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => onCloseEarly(b, true)}
                    >
                      <Button type="link" size="small" danger data-testid={`close-batch-${b.id}`}>
                        {t('workflow.batches.closeEarly')}
                      </Button>
                    </Popconfirm>
                  )
                )}
              </Space>
            ),
          },
        ] satisfies TableColumnsType<Batch>)
      : []),
  ];
  return (
    <Table<Batch>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? pageSize)}
      onRow={(b) => ({ 'data-testid': `batch-row-${b.id}` }) as React.HTMLAttributes<HTMLElement>}
      data-testid="batches-table"
    />
  );
}
