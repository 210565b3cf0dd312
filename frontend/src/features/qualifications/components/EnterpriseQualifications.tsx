import { Alert, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorPage } from '@/components/ErrorPages';
import { tierName } from '@/features/eligibility/components/criteria-text';
import { formatDate } from '@/lib/format';
import { useEnterpriseQualifications } from '../api/get-enterprise-qualifications';
import { daysBetween } from './days';
import { QualificationDrawer } from './QualificationDrawer';
import { QualificationTable } from './QualificationTable';

/** An enterprise holds a handful of qualifications at most: one page shows them all. */
const PAGE_SIZE = 50;

/**
 * EnterpriseQualifications is one enterprise's qualifications, past and present, with their
 * validity; one coming up for expiry is called out above the list, with the days left.
 */
export function EnterpriseQualifications({ enterpriseId }: { enterpriseId: number }) {
  const { t, i18n } = useTranslation();
  const { data, isFetching, error, refetch } = useEnterpriseQualifications(enterpriseId, { page_size: PAGE_SIZE });
  const [open, setOpen] = useState<number | null>(null);

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;
  const items = data?.items ?? [];
  const expiring = items.filter((q) => q.status === 'expiring');

  return (
    <>
      {expiring.length > 0 && (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          {expiring.map((q) => (
            <Alert
              key={q.id}
              type="warning"
              showIcon
              title={t('workflow.qualifications.expiringNotice', {
                tier: tierName(t, q.tier),
                date: formatDate(q.valid_until, i18n.language),
                days: daysBetween(q.as_of, q.valid_until) ?? 0,
              })}
              data-testid={`expiring-notice-${q.id}`}
            />
          ))}
        </Flex>
      )}
      <QualificationTable
        items={items}
        total={data?.total ?? 0}
        page={1}
        pageSize={PAGE_SIZE}
        loading={isFetching}
        showEnterprise={false}
        paged={false}
        onOpen={(q) => setOpen(q.id)}
        onPage={() => {}}
      />
      <QualificationDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
