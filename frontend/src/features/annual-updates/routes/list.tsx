import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { RegionSelect } from '@/features/reference/components/RegionSelect';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useUrlFilters } from '@/lib/url-state';
import { ANNUAL_UPDATE_STATUSES, annualUpdatesExportUrl, useAnnualUpdates, type AnnualUpdate } from '../api/get-annual-updates';
import { toAnnualUpdateFilters, yearOptions } from '../components/annual-filters';
import { AnnualUpdateStatusTag } from '../components/StatusTags';

const FILTERS = ['year', 'status', 'region'] as const;

/**
 * The annual update (年度数据更新) of a year: every enterprise that held a qualification when the
 * window opened, whether it filed the previous year's figures in time, and the same as .xlsx.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const thisYear = new Date().getFullYear();
  const fixedRegion = me.role === 'county_officer' ? me.region_code : undefined;
  const filters = toAnnualUpdateFilters(values, thisYear, fixedRegion);
  const { data, isFetching, error, refetch } = useAnnualUpdates({ ...filters, page, page_size: pageSize });
  const first = data?.items[0];

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageHeader
        title={t('notices.annual.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={annualUpdatesExportUrl(filters, currentLanguage())} download data-testid="annual-updates-export">
            {t('common.export')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" data-testid="annual-updates-window">
        {first
          ? t('notices.annual.window', { year: filters.year, reportYear: first.report_year, from: formatDate(first.opens_on, i18n.language), to: formatDate(first.closes_on, i18n.language) })
          : t('notices.annual.intro', { year: filters.year, reportYear: (filters.year ?? thisYear) - 1 })}
      </Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="annual-update-filters">
        <Select<number>
          value={filters.year}
          onChange={(year) => update({ year: year === thisYear ? undefined : year })}
          aria-label={t('notices.annual.filters.year')}
          style={{ width: 140 }}
          options={yearOptions(thisYear).map((y) => ({ value: y, label: t('notices.annual.yearOption', { year: y }) }))}
          data-testid="annual-filter-year"
        />
        <Select<string>
          allowClear
          value={filters.status}
          onChange={(status) => update({ status })}
          placeholder={t('notices.annual.filters.status')}
          aria-label={t('notices.annual.filters.status')}
          style={{ width: 160 }}
          options={ANNUAL_UPDATE_STATUSES.map((s) => ({ value: s, label: t(`notices.annual.statuses.${s}`) }))}
          data-testid="annual-filter-status"
        />
        <RegionSelect
          allowClear={!fixedRegion}
          disabled={Boolean(fixedRegion)}
          value={filters.region}
          onChange={(region) => update({ region })}
          placeholder={t('notices.annual.filters.region')}
          aria-label={t('notices.annual.filters.region')}
          style={{ width: 180 }}
          data-testid="annual-filter-region"
        />
        <Button onClick={() => update({ year: undefined, status: undefined, region: undefined })}>{t('common.reset')}</Button>
      </Flex>
      <Table<AnnualUpdate>
        rowKey="enterprise_id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="annual-updates-table"
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (p, ps) => update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps }, false),
        }}
        columns={[
          { key: 'name', title: t('notices.fields.enterprise'), render: (_v, r) => <Link to={`/enterprises/${r.enterprise_id}`}>{r.enterprise_name}</Link> },
          { key: 'code', title: t('notices.fields.creditCode'), dataIndex: 'credit_code' },
          { key: 'region', title: t('notices.fields.region'), dataIndex: 'region_name' },
          { key: 'tiers', title: t('notices.annual.fields.tiers'), render: (_v, r) => r.tiers.map((tier) => tierName(t, tier)).join('、') },
          { key: 'report_year', title: t('notices.annual.fields.reportYear'), dataIndex: 'report_year' },
          { key: 'status', title: t('notices.annual.fields.status'), render: (_v, r) => <AnnualUpdateStatusTag status={r.status} /> },
          { key: 'filed_on', title: t('notices.annual.fields.filedOn'), render: (_v, r) => formatDate(r.filed_on, i18n.language) || t('workflow.common.none') },
        ]}
      />
    </>
  );
}
