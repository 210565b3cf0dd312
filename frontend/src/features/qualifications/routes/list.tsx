import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { canManageBatches } from '@/features/batches/components/batch-access';
import { parseId } from '@/lib/redirect';
import { currentLanguage } from '@/lib/i18n';
import { useUrlFilters } from '@/lib/url-state';
import { qualificationsExportUrl, useQualifications, type QualificationFilters as Filters } from '../api/get-qualifications';
import { QualificationDrawer } from '../components/QualificationDrawer';
import { ALL_STATUSES, DEFAULT_STATUS, EXPIRING_WITHIN, FILTER_STATUSES } from '../components/qualification-filters';
import { QualificationFilters } from '../components/QualificationFilters';
import { QualificationTable } from '../components/QualificationTable';
import { RecordQualificationModal } from '../components/RecordQualificationModal';

const FILTERS = ['tier', 'region', 'status', 'expiring_within_days', 'as_of', 'open'] as const;

const oneOf = <T extends string | number>(values: readonly T[], raw: T | undefined): T | undefined => (raw !== undefined && values.includes(raw) ? raw : undefined);

/**
 * The qualifications (资质) within the caller's scope, with their validity and status as of a
 * date, an expiring filter, the .xlsx of the same list; the city records historic ones and revokes.
 */
export function Component() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const fixedRegion = me.role === 'county_officer' ? me.region_code : undefined;
  const canRecord = canManageBatches(me.role);
  const [recording, setRecording] = useState(false);

  const days = oneOf(EXPIRING_WITHIN, values.expiring_within_days ? Number(values.expiring_within_days) : undefined);
  const filters: Filters = {
    tier: values.tier as Filters['tier'],
    region: fixedRegion ?? values.region,
    status: values.status === ALL_STATUSES ? undefined : (oneOf(FILTER_STATUSES, values.status as Filters['status']) ?? DEFAULT_STATUS),
    expiring_within_days: days,
    as_of: values.as_of && /^\d{4}-\d{2}-\d{2}$/.test(values.as_of) ? values.as_of : undefined,
  };
  const { data, isFetching, error, refetch } = useQualifications({ ...filters, page, page_size: pageSize });
  const openId = parseId(values.open) ?? null;

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageHeader
        title={t('workflow.qualifications.title')}
        extra={
          <Space wrap>
            {canRecord && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-qualification">
                {t('workflow.qualifications.record')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={qualificationsExportUrl(filters, currentLanguage())} download data-testid="qualifications-export">
              {t('common.export')}
            </Button>
          </Space>
        }
      />
      <QualificationFilters
        values={values}
        fixedRegion={fixedRegion}
        onChange={(changes) => update(changes)}
        onReset={() => update({ tier: undefined, region: undefined, status: undefined, expiring_within_days: undefined, as_of: undefined })}
      />
      <QualificationTable
        items={data?.items ?? []}
        total={data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={isFetching}
        onOpen={(q) => update({ open: q.id }, false)}
        onPage={(p, ps) => update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps }, false)}
      />
      <QualificationDrawer id={openId} onClose={() => update({ open: undefined }, false)} />
      {canRecord && (
        <RecordQualificationModal
          open={recording}
          onClose={(id) => {
            setRecording(false);
            if (id) update({ open: id }, false);
          }}
        />
      )}
    </>
  );
}
