import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage, QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useApplications, type ApplicationListParams } from '@/features/applications/api/get-applications';
import { ApplicationFilters } from '@/features/applications/components/ApplicationFilters';
import { ApplicationTable } from '@/features/applications/components/ApplicationTable';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { rulesetName, tierName } from '@/features/eligibility/components/criteria-text';
import { BatchNotices } from '@/features/notices/components/BatchNotices';
import { formatDate, formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/redirect';
import { useUrlFilters } from '@/lib/url-state';
import { useBatch } from '../api/get-batch';
import { BatchCounts } from '../components/BatchCounts';
import { BatchFormModal } from '../components/BatchFormModal';
import { BatchResultsUpload } from '../components/BatchResultsUpload';
import { canManageBatches } from '../components/batch-access';
import { BatchStatusTag } from '../components/BatchStatusTag';
import { useCloseEarly } from '../components/use-close-early';

const FILTERS = ['state', 'region'] as const;

/** hasResultsStage: the published list is for recommended applications, and its outcome stays in view once recorded. */
const hasResultsStage = (counts: Record<string, number>) => ['recommended', 'approved', 'not_approved'].some((s) => (counts[s] ?? 0) > 0);

/**
 * The page of one batch: its window and ruleset, its applications by state and in a list, and for
 * the city the edit, the early close and the recording of the published list.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const id = parseId(useParams().id);
  const { data: batch, isPending, error, refetch } = useBatch(id ?? 0);
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const fixedRegion = me.role === 'county_officer' ? me.region_code : undefined;
  const applications = useApplications(
    {
      batch: id,
      state: values.state as ApplicationListParams['state'],
      region: fixedRegion ?? values.region,
      page,
      page_size: pageSize,
    },
    { enabled: Boolean(id) },
  );
  const [editing, setEditing] = useState(false);
  const { closeEarly, isPending: closing } = useCloseEarly();
  const canManage = canManageBatches(me.role);

  if (!id) return <NotFoundPage />;
  if (error && !batch) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton active />;

  return (
    <>
      <Link to="/batches" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('workflow.batches.title')}
      </Link>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <span data-testid="batch-title">{batch.name}</span>
            <BatchStatusTag status={batch.status} />
          </Flex>
        }
        extra={
          canManage && (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-batch">
                {t('common.edit')}
              </Button>
              {batch.closed_early_on ? (
                <Popconfirm title={t('workflow.batches.reopenConfirm')} okText={t('workflow.batches.reopen')} cancelText={t('common.cancel')} onConfirm={() => closeEarly(batch, false)}>
                  <Button loading={closing} data-testid="reopen-batch">
                    {t('workflow.batches.reopen')}
                  </Button>
                </Popconfirm>
              ) : (
                batch.status !== 'closed' && (
                  <Popconfirm
                    title={t('workflow.batches.closeEarlyConfirm', { name: batch.name })}
                    okText={t('workflow.batches.closeEarly')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => closeEarly(batch, true)}
                  >
                    <Button danger loading={closing} data-testid="close-batch">
                      {t('workflow.batches.closeEarly')}
                    </Button>
                  </Popconfirm>
                )
              )}
            </Space>
          )
        }
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'tier', label: t('workflow.batches.fields.tier'), children: tierName(t, batch.tier, batch.ruleset) },
          { key: 'kind', label: t('workflow.batches.fields.kind'), children: t(`workflow.kinds.${batch.kind}`) },
          { key: 'year', label: t('workflow.batches.fields.year'), children: batch.year },
          { key: 'ruleset', label: t('workflow.batches.fields.ruleset'), children: rulesetName(t, batch.ruleset) },
          {
            key: 'window',
            label: t('workflow.batches.fields.window'),
            children: (
              <>
                {t('workflow.batches.windowText', { from: formatDate(batch.opens_on, i18n.language), to: formatDate(batch.closes_on, i18n.language) })}
                {batch.closed_early_on && (
                  <Typography.Text type="warning" style={{ marginInlineStart: 8 }}>
                    {t('workflow.batches.closedEarly', { date: formatDate(batch.closed_early_on, i18n.language) })}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { key: 'created_by', label: t('workflow.batches.fields.created_by'), children: `${batch.created_by} · ${formatDateTime(batch.created_at, i18n.language)}` },
          { key: 'counts', label: t('workflow.batches.counts'), span: 'filled', children: <BatchCounts counts={batch.counts} /> },
        ]}
        data-testid="batch-info"
      />
      {canManage && hasResultsStage(batch.counts) && (
        <div style={{ marginBottom: 16 }}>
          <BatchResultsUpload batchId={batch.id} />
        </div>
      )}
      <BatchNotices batch={batch} />
      <Typography.Title level={5}>{t('workflow.batches.applications')}</Typography.Title>
      <ApplicationFilters
        values={values}
        fixedRegion={fixedRegion}
        showTier={false}
        showBatch={false}
        onChange={(changes) => update(changes)}
        onReset={() => update({ state: undefined, region: undefined })}
      />
      <ApplicationTable
        items={applications.data?.items ?? []}
        total={applications.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={applications.isFetching}
        showBatch={false}
        onPage={(p, ps) => update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps }, false)}
      />
      {canManage && <BatchFormModal target={editing ? batch : null} onClose={() => setEditing(false)} />}
    </>
  );
}
