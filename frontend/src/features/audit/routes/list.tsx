import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useUrlFilters } from '@/lib/url-state';
import { useAuditEvents } from '../api/get-audit-events';
import { AuditActionSelect } from '../components/AuditActionSelect';
import { AUDIT_ENTITY_TYPES, auditEntityTypeLabel } from '../components/audit-actions';
import { AuditTable } from '../components/AuditTable';

const FILTERS = ['actor', 'action', 'entity_type', 'from', 'to'] as const;
const DAY = 'YYYY-MM-DD';

export function Component() {
  const { t } = useTranslation();
  const { values, page, pageSize, update } = useUrlFilters(FILTERS);
  const { data, isFetching, error, refetch } = useAuditEvents({ page, page_size: pageSize, ...values });

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={`actor:${values.actor ?? ''}`}
          defaultValue={values.actor}
          allowClear
          placeholder={t('audit.filterActor')}
          aria-label={t('audit.filterActor')}
          onSearch={(v) => update({ actor: v.trim() || undefined })}
          style={{ width: 180 }}
        />
        <AuditActionSelect
          value={values.action}
          onChange={(action) => update({ action })}
          placeholder={t('audit.filterAction')}
          aria-label={t('audit.filterAction')}
          style={{ width: 260 }}
          data-testid="filter-action"
        />
        <Select<string>
          allowClear
          value={values.entity_type}
          onChange={(entity_type) => update({ entity_type })}
          placeholder={t('audit.filterEntityType')}
          aria-label={t('audit.filterEntityType')}
          style={{ width: 160 }}
          options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: auditEntityTypeLabel(t, type) }))}
          data-testid="filter-entity-type"
        />
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
