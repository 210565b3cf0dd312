import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { TIERS, tierName } from '@/features/eligibility/components/criteria-text';
import { useUrlFilters } from '@/lib/url-state';
import { useBatches, type Batch, type BatchListParams, type BatchStatus } from '../api/get-batches';
import { canManageBatches } from '../components/batch-access';
import { BatchFormModal } from '../components/BatchFormModal';
import { BatchTable } from '../components/BatchTable';
import { useCloseEarly } from '../components/use-close-early';

const FILTERS = ['tier', 'year', 'status'] as const;
const STATUSES: BatchStatus[] = ['upcoming', 'open', 'closed'];

/** The batches (申报批次), the latest first, each with its applications by state. */
export function Component() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = canManageBatches(me.role);
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const year = values.year && /^\d{4}$/.test(values.year) ? Number(values.year) : undefined;
  const { data, isFetching, error, refetch } = useBatches({
    tier: values.tier as BatchListParams['tier'],
    year,
    status: values.status as BatchListParams['status'],
    page,
    page_size: pageSize,
  });
  const [editing, setEditing] = useState<Batch | 'new' | null>(null);
  const { closeEarly } = useCloseEarly();

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageHeader
        title={t('workflow.batches.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-batch">
              {t('workflow.batches.new')}
            </Button>
          )
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select<string>
          allowClear
          value={values.tier}
          onChange={(tier) => update({ tier })}
          placeholder={t('workflow.batches.filterTier')}
          aria-label={t('workflow.batches.filterTier')}
          style={{ width: 200 }}
          options={TIERS.map((tier) => ({ value: tier, label: tierName(t, tier) }))}
          data-testid="batch-filter-tier"
        />
        <InputNumber<number>
          key={values.year ?? ''}
          defaultValue={year}
          min={2000}
          max={2100}
          precision={0}
          placeholder={t('workflow.batches.filterYear')}
          aria-label={t('workflow.batches.filterYear')}
          onBlur={(e) => update({ year: e.target.value || undefined })}
          onPressEnter={(e) => update({ year: (e.target as HTMLInputElement).value || undefined })}
          style={{ width: 120 }}
          data-testid="batch-filter-year"
        />
        <Select<string>
          allowClear
          value={values.status}
          onChange={(status) => update({ status })}
          placeholder={t('workflow.batches.filterStatus')}
          aria-label={t('workflow.batches.filterStatus')}
          style={{ width: 140 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`workflow.batchStatuses.${s}`) }))}
          data-testid="batch-filter-status"
        />
        <Button onClick={() => update({ tier: undefined, year: undefined, status: undefined })}>{t('common.reset')}</Button>
      </Flex>
      <BatchTable
        items={data?.items ?? []}
        total={data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={isFetching}
        canManage={canManage}
        onEdit={setEditing}
        onCloseEarly={closeEarly}
        onPage={(p, ps) => update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps }, false)}
      />
      {canManage && <BatchFormModal target={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
