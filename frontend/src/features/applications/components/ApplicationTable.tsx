import { Table, type TableColumnsType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { useRegionName } from '@/features/reference/components/region-name';
import { formatDateTime } from '@/lib/format';
import type { Application } from '../api/get-applications';
import { ApplicationStateTag } from './ApplicationStateTag';
import { waitingOnText } from './waiting-on';

type Props = {
  items: Application[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** An enterprise's own list leaves its name out. */
  showEnterprise?: boolean;
  rowSelection?: TableProps<Application>['rowSelection'];
  testId?: string;
};

/** ApplicationTable lists applications with their state and whom each waits on; each opens its page. */
export function ApplicationTable({ items, total, page, pageSize, loading, onPage, showEnterprise = true, rowSelection, testId = 'applications-table' }: Props) {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const columns: TableColumnsType<Application> = [
    ...(showEnterprise
      ? ([
          {
            key: 'enterprise',
            title: t('workflow.applications.columns.enterprise'),
            render: (_, a) => (
              <>
                <Link to={`/applications/${a.id}`} data-testid="application-link">
                  {a.enterprise_name}
                </Link>
                <div style={{ fontSize: 12, opacity: 0.65 }}>{regionName(a.region_code, a.region_name)}</div>
              </>
            ),
          },
        ] satisfies TableColumnsType<Application>)
      : []),
    {
      key: 'batch',
      title: t('workflow.applications.columns.batch'),
      render: (_, a) =>
        showEnterprise ? (
          a.batch_name
        ) : (
          <Link to={`/applications/${a.id}`} data-testid="application-link">
            {a.batch_name}
          </Link>
        ),
    },
    { key: 'tier', title: t('workflow.applications.columns.tier'), render: (_, a) => tierName(t, a.tier) },
    { key: 'report_year', dataIndex: 'report_year', title: t('workflow.applications.columns.reportYear') },
    {
      key: 'state',
      title: t('workflow.applications.columns.state'),
      render: (_, a) => <ApplicationStateTag state={a.state} />,
    },
    {
      key: 'waiting_on',
      title: t('workflow.applications.columns.waitingOn'),
      render: (_, a) => waitingOnText(t, a, (code) => regionName(code)),
    },
    {
      key: 'submitted_at',
      title: t('workflow.applications.columns.submittedAt'),
      render: (_, a) => (a.submitted_at ? formatDateTime(a.submitted_at, i18n.language) : '—'),
    },
    {
      key: 'updated_at',
      title: t('workflow.applications.columns.updatedAt'),
      render: (_, a) => formatDateTime(a.updated_at, i18n.language),
    },
    {
      key: 'open',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, a) => (
        <Link to={`/applications/${a.id}`} data-testid={`open-application-${a.id}`}>
          {t('workflow.common.open')}
        </Link>
      ),
    },
  ];
  return (
    <Table<Application>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      rowSelection={rowSelection}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('workflow.applications.empty') }}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? pageSize)}
      onRow={(a) => ({ 'data-testid': `application-row-${a.id}` }) as React.HTMLAttributes<HTMLElement>}
      data-testid={testId}
    />
  );
}
