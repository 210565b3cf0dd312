import { DownloadOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import type { Tier } from '@/features/eligibility/api/get-eligibility';
import { TIERS } from '@/features/eligibility/components/criteria-text';
import { isOfficer } from '@/features/enterprises/components/enterprise-access';
import { handleApiError } from '@/lib/api/handle-error';
import { currentLanguage } from '@/lib/i18n';
import { notify } from '@/lib/notify';
import { useUrlFilters } from '@/lib/url-state';
import { useDeletePoolEntry } from '../api/delete-entry';
import { poolExportUrl, usePool, type PoolParams, type PoolRow } from '../api/get-pool';
import { PoolEntryModal } from '../components/PoolEntryModal';
import { PoolFilters } from '../components/PoolFilters';
import { PoolTable } from '../components/PoolTable';

const FILTERS = ['target_tier', 'region', 'industry', 'status', 'followed'] as const;
const DEFAULT_TIER: Tier = 'specialized_sme';

/** The cultivation pool (培育库): the candidates of a target tier, who follows them, and an .xlsx of the same list. */
export function Component() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canAct = isOfficer(me);
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const fixedRegion = me.role === 'county_officer' ? me.region_code : undefined;
  const targetTier = TIERS.includes(values.target_tier as Tier) ? (values.target_tier as Tier) : DEFAULT_TIER;

  const filters = {
    target_tier: targetTier,
    region: fixedRegion ?? values.region,
    industry: values.industry,
    status: values.status as PoolParams['status'],
    followed: values.followed === 'true' ? true : values.followed === 'false' ? false : undefined,
  };
  const { data, isFetching, error, refetch } = usePool({ ...filters, page, page_size: pageSize });
  const remove = useDeletePoolEntry();
  const [editing, setEditing] = useState<PoolRow | null>(null);

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  const onRemove = (row: PoolRow) => {
    if (!row.entry) return;
    remove.mutate(row.entry.id, { onSuccess: () => notify.success(t('cultivation.removed')), onError: (e) => handleApiError(e) });
  };

  return (
    <>
      <PageHeader
        title={t('nav.cultivation')}
        extra={
          <Button icon={<DownloadOutlined />} href={poolExportUrl(filters, currentLanguage())} download data-testid="pool-export">
            {t('common.export')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('cultivation.intro')}</Typography.Paragraph>
      <PoolFilters
        values={{ ...values, target_tier: targetTier }}
        fixedRegion={fixedRegion}
        ruleset={data?.items[0]?.ruleset}
        onChange={(changes) => update(changes)}
        onReset={() => update({ target_tier: undefined, region: undefined, industry: undefined, status: undefined, followed: undefined })}
      />
      <PoolTable
        items={data?.items ?? []}
        total={data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={isFetching}
        canAct={canAct}
        removing={remove.isPending ? remove.variables : undefined}
        onAdd={setEditing}
        onEdit={setEditing}
        onRemove={onRemove}
        onPage={(p, ps) => update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps }, false)}
      />
      {canAct && <PoolEntryModal row={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
