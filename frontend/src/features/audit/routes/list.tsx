import { Button, DatePicker, Flex, Input } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useUrlFilters } from '@/lib/url-state';
import { useAuditEvents } from '../api/get-audit-events';
import { AuditTable } from '../components/AuditTable';

const FILTERS = ['actor', 'action', 'entity_type', 'from', 'to'] as const;
const DAY = 'YYYY-MM-DD';

export function Component() {
  const { t } = useTranslation();
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const { data, isFetching, error, refetch } = useAuditEvents({ page, page_size: pageSize, ...values });

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  const text = (key: 'actor' | 'action' | 'entity_type', placeholder: string, width: number) => (
    <Input.Search
      key={`${key}:${values[key] ?? ''}`}
      defaultValue={values[key]}
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      onSearch={(v) => update({ [key]: v.trim() || undefined })}
      style={{ width }}
    />
  );

  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {text('actor', t('audit.filterActor'), 180)}
        {text('action', t('audit.filterAction'), 240)}
        {text('entity_type', t('audit.filterEntityType'), 180)}
        <DatePicker.RangePicker
          value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
          allowEmpty={[true, true]}
          onChange={(range) => update({ from: range?.[0]?.format(DAY), to: range?.[1]?.format(DAY) })}
          placeholder={[t('audit.from'), t('audit.to')]}
        />
        <Button onClick={() => update({ actor: undefined, action: undefined, entity_type: undefined, from: undefined, to: undefined })}>
          {t('common.reset')}
        </Button>
      </Flex>
      <AuditTable
        items={data?.items ?? []}
        total={data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={isFetching}
        onPage={(p, ps) => update({ page: p === 1 ? undefined : p, page_size: ps === 20 ? undefined : ps }, false)}
      />
    </>
  );
}
