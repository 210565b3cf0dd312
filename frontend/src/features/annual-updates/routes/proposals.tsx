import { Button, Flex, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { canManageBatches } from '@/features/batches/components/batch-access';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { RegionSelect } from '@/features/reference/components/RegionSelect';
import { formatDate, formatDateTime } from '@/lib/format';
import { useUrlFilters } from '@/lib/url-state';
import type { Decision } from '../api/decide-cancellation';
import { PROPOSAL_STATUSES, useProposals, type CancellationProposal } from '../api/get-cancellation-proposals';
import { ALL_PROPOSALS, DEFAULT_PROPOSAL_STATUS, toProposalStatus } from '../components/annual-filters';
import { DecisionModal } from '../components/DecisionModal';
import { ProposalStatusTag } from '../components/StatusTags';

const FILTERS = ['status', 'region'] as const;

/**
 * Qualifications proposed for cancellation (two missed annual updates in one validity period): the
 * city confirms (a revocation for that reason) or dismisses each with a reason; others read.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const fixedRegion = me.role === 'county_officer' ? me.region_code : undefined;
  const status = toProposalStatus(values.status);
  const region = fixedRegion ?? values.region;
  const { data, isFetching, error, refetch } = useProposals({ status, region, page, page_size: pageSize });
  const canDecide = canManageBatches(me.role);
  const [target, setTarget] = useState<{ proposal: CancellationProposal; decision: Decision } | null>(null);

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageHeader title={t('notices.proposals.title')} />
      <Typography.Paragraph type="secondary">{t('notices.proposals.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="proposal-filters">
        <Select<string>
          value={status ?? ALL_PROPOSALS}
          onChange={(s) => update({ status: s === DEFAULT_PROPOSAL_STATUS ? undefined : s })}
          aria-label={t('notices.proposals.filters.status')}
          style={{ width: 160 }}
          options={[...PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`notices.proposals.statuses.${s}`) })), { value: ALL_PROPOSALS, label: t('notices.proposals.allStatuses') }]}
          data-testid="proposal-filter-status"
        />
        <RegionSelect
          allowClear={!fixedRegion}
          disabled={Boolean(fixedRegion)}
          value={region}
          onChange={(r) => update({ region: r })}
          placeholder={t('notices.annual.filters.region')}
          aria-label={t('notices.annual.filters.region')}
          style={{ width: 180 }}
          data-testid="proposal-filter-region"
        />
      </Flex>
      <Table<CancellationProposal>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="proposals-table"
        locale={{ emptyText: t('notices.proposals.none') }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, ps) => update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps }, false),
        }}
        columns={[
          { key: 'name', title: t('notices.fields.enterprise'), render: (_v, r) => <Link to={`/enterprises/${r.enterprise_id}`}>{r.enterprise_name}</Link> },
          { key: 'code', title: t('notices.fields.creditCode'), dataIndex: 'credit_code' },
          { key: 'region', title: t('notices.fields.region'), dataIndex: 'region_name' },
          { key: 'tier', title: t('notices.fields.tier'), render: (_v, r) => tierName(t, r.tier) },
          { key: 'valid_until', title: t('notices.proposals.fields.periodValidUntil'), render: (_v, r) => formatDate(r.period_valid_until, i18n.language) },
          { key: 'missed', title: t('notices.proposals.fields.missedYears'), render: (_v, r) => r.missed_years.join('、') },
          { key: 'status', title: t('notices.proposals.fields.status'), render: (_v, r) => <ProposalStatusTag status={r.status} /> },
          {
            key: 'decision',
            title: t('notices.proposals.fields.decision'),
            render: (_v, r) =>
              r.status === 'proposed'
                ? canDecide && (
                    <Space wrap>
                      <Button size="small" danger onClick={() => setTarget({ proposal: r, decision: 'confirm' })} data-testid={`confirm-proposal-${r.id}`}>
                        {t('notices.proposals.actions.confirm')}
                      </Button>
                      <Button size="small" onClick={() => setTarget({ proposal: r, decision: 'dismiss' })} data-testid={`dismiss-proposal-${r.id}`}>
                        {t('notices.proposals.actions.dismiss')}
                      </Button>
                    </Space>
                  )
                : (
                    <Typography.Text type="secondary">
                      {t('notices.proposals.decidedBy', { user: r.decided_by ?? '', at: formatDateTime(r.decided_at, i18n.language) })}
                      {r.reason ? `: ${r.reason}` : ''}
                    </Typography.Text>
                  ),
          },
        ]}
      />
      {canDecide && <DecisionModal target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
