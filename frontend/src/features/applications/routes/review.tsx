import { Alert, Button, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { useUrlFilters } from '@/lib/url-state';
import { useApplications, type Application } from '../api/get-applications';
import { ApplicationFilters } from '../components/ApplicationFilters';
import { ApplicationTable } from '../components/ApplicationTable';
import { BulkTransitionModal, type BulkAction } from '../components/BulkTransitionModal';
import { reviewStagesFor, type ReviewStage } from '../components/workflow-rules';

const FILTERS = ['stage', 'batch', 'region'] as const;

/**
 * The review queue (待办): the applications waiting at the officer's stage — the county review of
 * its region for a county officer; the city review and the recommended ones awaiting their result
 * for the city — with bulk pass and return of the chosen ones.
 */
export function Component() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const stages = reviewStagesFor(me);
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const stage: ReviewStage = stages.includes(values.stage as ReviewStage) ? (values.stage as ReviewStage) : (stages[0] ?? 'county_review');
  const fixedRegion = me.role === 'county_officer' ? me.region_code : undefined;
  const { data, isFetching, error, refetch } = useApplications({
    state: stage,
    batch: values.batch ? Number(values.batch) : undefined,
    region: fixedRegion ?? values.region,
    page,
    page_size: pageSize,
  });
  const [selected, setSelected] = useState<Application[]>([]);
  const [bulk, setBulk] = useState<{ action: BulkAction; items: Application[] } | null>(null);
  // Bulk actions are the reviews' (pass, return); a recommended application waits on its result, one by one.
  const selectable = stage !== 'recommended';
  const passLabel = stage === 'city_review' ? t('workflow.actions.recommend') : t('workflow.actions.pass');

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  const change = (changes: Parameters<typeof update>[0]) => {
    setSelected([]);
    update(changes);
  };

  return (
    <>
      <PageHeader title={stages.length === 1 ? t('workflow.review.titleStage', { stage: t(`workflow.review.stages.${stage}`) }) : t('workflow.review.title')} />
      {stages.length > 1 && (
        <Segmented<ReviewStage>
          value={stage}
          onChange={(s) => change({ stage: s === stages[0] ? undefined : s })}
          options={stages.map((s) => ({ value: s, label: <span data-testid={`stage-${s}`}>{t(`workflow.review.stages.${s}`)}</span> }))}
          style={{ marginBottom: 16 }}
          data-testid="review-stage"
        />
      )}
      <ApplicationFilters values={values} fixedRegion={fixedRegion} states={[]} showTier={false} onChange={change} />
      {stage === 'recommended' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('workflow.review.resultsHint')} data-testid="results-hint" />
      )}
      {selectable && (
        <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }} data-testid="bulk-bar">
          <Button type="primary" disabled={selected.length === 0} onClick={() => setBulk({ action: 'pass', items: selected })} data-testid="bulk-pass">
            {stage === 'city_review' ? t('workflow.review.bulkRecommend') : t('workflow.review.bulkPass')}
          </Button>
          <Button disabled={selected.length === 0} onClick={() => setBulk({ action: 'return', items: selected })} data-testid="bulk-return">
            {t('workflow.review.bulkReturn')}
          </Button>
          {selected.length > 0 && <Typography.Text type="secondary">{t('workflow.review.selected', { count: selected.length })}</Typography.Text>}
        </Flex>
      )}
      <ApplicationTable
        items={data?.items ?? []}
        total={data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={isFetching}
        onPage={(p, ps) => {
          setSelected([]);
          update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps }, false);
        }}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: selected.map((a) => a.id),
                onChange: (_keys, rows) => setSelected(rows),
                getCheckboxProps: (a) => ({ 'data-testid': `select-${a.id}` }) as object,
              }
            : undefined
        }
        testId="review-table"
        emptyText={t('workflow.review.empty')}
      />
      <BulkTransitionModal
        items={bulk?.items ?? null}
        action={bulk?.action ?? 'pass'}
        passLabel={passLabel}
        onClose={(done) => {
          setBulk(null);
          if (done) setSelected([]);
        }}
      />
    </>
  );
}
