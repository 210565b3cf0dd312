import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { QueryErrorPage } from '@/components/ErrorPages';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { useUrlFilters } from '@/lib/url-state';
import { useEnterprises, type EnterpriseListParams } from '../api/get-enterprises';
import { isOfficer } from '../components/enterprise-access';
import { EnterpriseFilters } from '../components/EnterpriseFilters';
import { EnterpriseTable } from '../components/EnterpriseTable';

const FILTERS = ['q', 'region', 'industry', 'size_class', 'sort'] as const;

export function Component() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const fixedRegion = me.role === 'county_officer' ? me.region_code : undefined;

  const query: EnterpriseListParams = {
    page,
    page_size: pageSize,
    q: values.q,
    region: fixedRegion ?? values.region,
    industry: values.industry,
    size_class: values.size_class as EnterpriseListParams['size_class'],
    sort: values.sort as EnterpriseListParams['sort'],
  };
  const { data, isFetching, error, refetch } = useEnterprises(query);

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageHeader
        title={t('nav.enterprises')}
        extra={
          isOfficer(me) && (
            <Link to="/enterprises/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-enterprise">
                {t('enterprise.new')}
              </Button>
            </Link>
          )
        }
      />
      <EnterpriseFilters
        values={values}
        fixedRegion={fixedRegion}
        onChange={(changes) => update(changes)}
        onReset={() => update({ q: undefined, region: undefined, industry: undefined, size_class: undefined, sort: undefined })}
      />
      <EnterpriseTable
        items={data?.items ?? []}
        total={data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        sort={values.sort}
        loading={isFetching}
        onChange={({ page: p, pageSize: ps, sort }) => update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps, sort }, false)}
      />
    </>
  );
}
