import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { currentLanguage } from '@/lib/i18n';
import { useUrlFilters } from '@/lib/url-state';
import { applicationsExportUrl, useApplications, type ApplicationListParams } from '../api/get-applications';
import { ApplicationFilters } from '../components/ApplicationFilters';
import { ApplicationTable } from '../components/ApplicationTable';
import { NewApplicationModal } from '../components/NewApplicationModal';

const FILTERS = ['batch', 'state', 'region', 'tier'] as const;

/**
 * The applications within the caller's scope: an enterprise user's own (我的申报, where it applies
 * in an open batch), a county officer's region's, everyone's for the city and the leader.
 */
export function Component() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mine = me.role === 'enterprise';
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const fixedRegion = me.role === 'county_officer' ? me.region_code : undefined;
  const [applying, setApplying] = useState(false);

  const filters = {
    batch: values.batch ? Number(values.batch) : undefined,
    state: values.state as ApplicationListParams['state'],
    region: mine ? undefined : (fixedRegion ?? values.region),
    tier: values.tier as ApplicationListParams['tier'],
  };
  const { data, isFetching, error, refetch } = useApplications({ ...filters, page, page_size: pageSize });

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  const onPage = (p: number, ps: number) => update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps }, false);

  if (mine) {
    return (
      <>
        <PageHeader
          title={t('workflow.applications.mineTitle')}
          extra={
            me.enterprise_id && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="new-application">
                {t('workflow.applications.new')}
              </Button>
            )
          }
        />
        <ApplicationTable items={data?.items ?? []} total={data?.total ?? 0} page={page} pageSize={pageSize} loading={isFetching} onPage={onPage} showEnterprise={false} />
        {me.enterprise_id && <NewApplicationModal enterpriseId={me.enterprise_id} open={applying} onClose={() => setApplying(false)} />}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('workflow.applications.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={applicationsExportUrl(filters, currentLanguage())} download data-testid="applications-export">
            {t('common.export')}
          </Button>
        }
      />
      <ApplicationFilters
        values={values}
        fixedRegion={fixedRegion}
        onChange={(changes) => update(changes)}
        onReset={() => update({ batch: undefined, state: undefined, region: undefined, tier: undefined })}
      />
      <ApplicationTable items={data?.items ?? []} total={data?.total ?? 0} page={page} pageSize={pageSize} loading={isFetching} onPage={onPage} />
    </>
  );
}
