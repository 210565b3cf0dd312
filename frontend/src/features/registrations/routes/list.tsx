import { Flex, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useCurrentUser } from '@/features/auth/components/current-user';
import { RegionSelect } from '@/features/reference/components/RegionSelect';
import { handleApiError } from '@/lib/api/handle-error';
import { notify } from '@/lib/notify';
import { useUrlFilters } from '@/lib/url-state';
import { useApproveRegistration } from '../api/approve-registration';
import { useRegistrations, type Registration, type RegistrationStatus } from '../api/get-registrations';
import { RegistrationTable } from '../components/RegistrationTable';
import { RejectRegistrationModal } from '../components/RejectRegistrationModal';

const STATUSES: RegistrationStatus[] = ['pending', 'active', 'rejected'];
const FILTERS = ['status', 'region'] as const;

export function Component() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const status = (STATUSES as string[]).includes(values.status ?? '') ? (values.status as RegistrationStatus) : 'pending';
  const fixedRegion = me.role === 'county_officer' ? me.region_code : undefined;
  const { data, isFetching, error, refetch } = useRegistrations({
    page,
    page_size: pageSize,
    status,
    region: fixedRegion ?? values.region,
  });
  const approve = useApproveRegistration();
  const [rejecting, setRejecting] = useState<Registration | null>(null);

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  const onApprove = (r: Registration) =>
    approve.mutate(r.id, {
      onSuccess: () => notify.success(t('registrations.approved', { name: r.enterprise.name })),
      onError: (e) => handleApiError(e),
    });

  return (
    <>
      <PageHeader title={t('nav.registrations')} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select<RegistrationStatus>
          value={status}
          onChange={(s) => update({ status: s === 'pending' ? undefined : s })}
          style={{ width: 160 }}
          aria-label={t('registrations.status')}
          data-testid="filter-status"
          options={STATUSES.map((s) => ({ value: s, label: t(`registrations.statuses.${s}`) }))}
        />
        <RegionSelect
          allowClear={!fixedRegion}
          disabled={Boolean(fixedRegion)}
          value={fixedRegion ?? values.region}
          onChange={(region) => update({ region })}
          placeholder={t('enterprise.filterRegion')}
          style={{ width: 180 }}
        />
      </Flex>
      <RegistrationTable
        items={data?.items ?? []}
        total={data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={isFetching}
        approvingId={approve.isPending ? approve.variables : undefined}
        onApprove={onApprove}
        onReject={setRejecting}
        onPage={(p, ps) => update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps }, false)}
      />
      <RejectRegistrationModal registration={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}
