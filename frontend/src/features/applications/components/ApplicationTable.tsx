import { Table, Tooltip, type TableColumnsType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { rulesetName, rulesetShortName, tierName } from '@/features/eligibility/components/criteria-text';
import { useRegionName } from '@/features/reference/components/region-name';
import { formatDateTime } from '@/lib/format';
import type { Application } from '../api/get-applications';
import { ApplicationStateTag } from './ApplicationStateTag';
import { waitingOnText } from './waiting-on';
import { actionsFor } from './workflow-rules';

type Props = {
  items: Application[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** An enterprise's own list leaves its name out. */
  showEnterprise?: boolean;
  /** A batch's own page leaves the batch out. */
  showBatch?: boolean;
  rowSelection?: TableProps<Application>['rowSelection'];
  testId?: string;
  emptyText?: string;
};

/**
 * ApplicationTable lists applications with their state and whom each waits on (the stage, and
 * the region for the county's), and the ruleset each is judged by; each opens its page, to act on
 * it when it is the user's turn.
 */
export function ApplicationTable({ items, total, page, pageSize, loading, onPage, showEnterprise = true, showBatch = true, rowSelection, testId = 'applications-table', emptyText }: Props) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const regionName = useRegionName();
  const secondary = { fontSize: 12, opacity: 0.65 };
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
                <div style={secondary}>{regionName(a.region_code, a.region_name)}</div>
              </>
            ),
          },
        ] satisfies TableColumnsType<Application>)
      : []),
    ...(showBatch
      ? ([
          {
            key: 'batch',
            title: t('workflow.applications.columns.batch'),
            render: (_, a) => (
              <>
                {showEnterprise ? (
                  a.batch_name
                ) : (
                  <Link to={`/applications/${a.id}`} data-testid="application-link">
                    {a.batch_name}
                  </Link>
                )}
                <div style={secondary}>
                  {tierName(t, a.tier, a.ruleset)} ·{' '}
                  <Tooltip title={rulesetName(t, a.ruleset)}>
                    <span data-testid="application-ruleset">{rulesetShortName(t, a.ruleset)}</span>
                  </Tooltip>
                </div>
              </>
            ),
          },
        ] satisfies TableColumnsType<Application>)
      : []),
    { key: 'report_year', title: t('workflow.applications.columns.reportYear'), render: (_, a) => t('units.yearLabel', { year: a.report_year }) },
    {
      key: 'state',
      title: t('workflow.applications.columns.state'),
      render: (_, a) => <ApplicationStateTag state={a.state} />,
    },
    {
      key: 'waiting_on',
      title: t('workflow.applications.columns.waitingOn'),
      render: (_, a) => <span data-testid="application-waiting-on">{waitingOnText(t, a, (code) => regionName(code))}</span>,
    },
    {
      key: 'submitted_at',
      title: t('workflow.applications.columns.submittedAt'),
      render: (_, a) => (a.submitted_at ? formatDateTime(a.submitted_at, i18n.language) : '—'),
    },
    {
      key: 'open',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, a) => (
        // 办理 when it is the user's turn to act, 查看 otherwise.
        <Link to={`/applications/${a.id}`} data-testid={`open-application-${a.id}`}>
          {actionsFor(me, a).length > 0 ? t('workflow.common.open') : t('workflow.common.view')}
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
      locale={{ emptyText: emptyText ?? t('workflow.applications.empty') }}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }) }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? pageSize)}
      onRow={(a) => ({ 'data-testid': `application-row-${a.id}`, 'data-state': a.state }) as React.HTMLAttributes<HTMLElement>}
      data-testid={testId}
    />
  );
}
