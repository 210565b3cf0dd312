import { Button, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { useRegionName } from '@/features/reference/components/region-name';
import { formatDate } from '@/lib/format';
import type { Qualification } from '../api/get-qualifications';
import { daysBetween } from './days';
import { QualificationStatusTag } from './QualificationStatusTag';

type Props = {
  items: Qualification[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** An enterprise's own list leaves out whose it is. */
  showEnterprise?: boolean;
  /** An enterprise's handful of qualifications needs no pages. */
  paged?: boolean;
  onOpen: (q: Qualification) => void;
  onPage: (page: number, pageSize: number) => void;
};

/** QualificationTable lists qualifications with their validity and status as of the list's date; an expiring one is highlighted. Each opens by its enterprise's name (or, in an enterprise's own list, its tier). */
export function QualificationTable({ items, total, page, pageSize, loading, showEnterprise = true, paged = true, onOpen, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const secondary = { fontSize: 12, opacity: 0.65 };
  const columns: TableColumnsType<Qualification> = [
    ...(showEnterprise
      ? ([
          {
            key: 'enterprise',
            title: t('workflow.qualifications.columns.enterprise'),
            render: (_, q) => (
              <>
                <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(q)} data-testid="qualification-open">
                  {q.enterprise_name}
                </Button>
                <div style={secondary}>
                  <span style={{ fontFamily: 'monospace' }}>{q.credit_code}</span> · {regionName(q.region_code, q.region_name)}
                </div>
              </>
            ),
          },
        ] satisfies TableColumnsType<Qualification>)
      : []),
    {
      key: 'tier',
      title: t('workflow.qualifications.columns.tier'),
      render: (_, q) =>
        showEnterprise ? (
          <span data-testid="qualification-tier">{tierName(t, q.tier)}</span>
        ) : (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(q)} data-testid="qualification-open">
            <span data-testid="qualification-tier">{tierName(t, q.tier)}</span>
          </Button>
        ),
    },
    {
      key: 'batch',
      title: t('workflow.qualifications.columns.batch'),
      render: (_, q) => (
        <>
          <div>{q.batch_name ?? '—'}</div>
          {q.announcement_no && (
            <div style={secondary} data-testid="qualification-announcement">
              {q.announcement_no}
            </div>
          )}
        </>
      ),
    },
    { key: 'granted_on', title: t('workflow.qualifications.columns.grantedOn'), render: (_, q) => <span data-testid="qualification-granted-on">{formatDate(q.granted_on, i18n.language)}</span> },
    {
      key: 'valid_until',
      title: t('workflow.qualifications.columns.validUntil'),
      render: (_, q) => {
        const left = q.status === 'expiring' ? daysBetween(q.as_of, q.valid_until) : undefined;
        return (
          <>
            <span data-testid="qualification-valid-until" data-date={q.valid_until}>
              {formatDate(q.valid_until, i18n.language)}
            </span>
            {left !== undefined && (
              <div>
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  {t('workflow.qualifications.daysLeft', { count: left })}
                </Typography.Text>
              </div>
            )}
          </>
        );
      },
    },
    { key: 'status', title: t('workflow.qualifications.columns.status'), render: (_, q) => <QualificationStatusTag status={q.status} /> },
  ];
  return (
    <Table<Qualification>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('workflow.qualifications.empty') }}
      pagination={paged ? { current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }) } : false}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? pageSize)}
      onRow={(q) =>
        ({
          'data-testid': `qualification-row-${q.id}`,
          style: q.status === 'expiring' ? { background: 'rgba(250, 173, 20, 0.08)' } : undefined,
        }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid="qualifications-table"
    />
  );
}
