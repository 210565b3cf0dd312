import { Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { Import } from '../api/get-import';
import { ImportStatusTag } from './ImportStatusTag';

type Props = {
  items: Import[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** The import the page has open, marked in the list. */
  openId?: number;
  onOpen: (im: Import) => void;
  onPage: (page: number) => void;
};

/** ImportList is the user's recent imports (an admin's: everyone's), newest first; a row opens its import. */
export function ImportList({ items, total, page, pageSize, loading, openId, onOpen, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const result = (im: Import) => {
    switch (im.status) {
      case 'invalid':
        return <Typography.Text type="danger">{t('imports.recent.errorCount', { n: n(im.error_count) })}</Typography.Text>;
      case 'ready':
      case 'done':
        return t('imports.recent.counts', { created: n(im.created_count), updated: n(im.updated_count) });
      case 'failed':
        return <Typography.Text type="secondary">{im.failure_message}</Typography.Text>;
      default:
        return im.total_rows > 0 ? `${n(Math.min(im.processed_rows, im.total_rows))} / ${n(im.total_rows)}` : '—';
    }
  };
  const columns: TableColumnsType<Import> = [
    {
      key: 'filename',
      title: t('imports.recent.filename'),
      ellipsis: true,
      render: (_, im) => (
        <Link to={`/imports/${im.id}`} data-testid="import-link" onClick={(e) => e.stopPropagation()}>
          {im.filename}
        </Link>
      ),
    },
    { key: 'kind', title: t('imports.recent.kind'), width: 140, render: (_, im) => t(`imports.kinds.${im.kind}`) },
    { key: 'status', title: t('imports.recent.status'), width: 110, render: (_, im) => <ImportStatusTag status={im.status} /> },
    { key: 'rows', title: t('imports.recent.rows'), width: 90, align: 'right', render: (_, im) => (im.total_rows > 0 ? n(im.total_rows) : '—') },
    { key: 'result', title: t('imports.recent.result'), width: 240, ellipsis: true, render: (_, im) => result(im) },
    { key: 'at', title: t('imports.recent.createdAt'), width: 170, render: (_, im) => formatDateTime(im.created_at, lang) },
    { key: 'by', title: t('imports.recent.createdBy'), width: 110, ellipsis: true, render: (_, im) => im.created_by },
  ];
  return (
    <Table<Import>
      data-testid="imports-table"
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={items}
      locale={{ emptyText: t('imports.recent.empty') }}
      rowClassName={(im) => (im.id === openId ? 'ant-table-row-selected' : '')}
      onRow={(im) =>
        ({
          'data-testid': `import-row-${im.id}`,
          style: { cursor: 'pointer' },
          onClick: () => onOpen(im),
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{ current: page, pageSize, total, size: 'small', showSizeChanger: false, hideOnSinglePage: true, onChange: onPage }}
    />
  );
}
