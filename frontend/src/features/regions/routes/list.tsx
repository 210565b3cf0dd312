import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorPage } from '@/components/ErrorPages';
import { PageHeader } from '@/components/PageHeader';
import { useRegions, type Region } from '@/features/reference/api/get-regions';
import { RegionFormModal } from '../components/RegionFormModal';
import { RegionTable } from '../components/RegionTable';

export function Component() {
  const { t } = useTranslation();
  const { data, isFetching, error, refetch } = useRegions();
  const [editing, setEditing] = useState<Region | 'new' | null>(null);

  if (error && !data) return <QueryErrorPage error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageHeader
        title={t('nav.regions')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-region">
            {t('regions.new')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('regions.intro')}</Typography.Paragraph>
      <RegionTable items={data?.items ?? []} loading={isFetching} onEdit={setEditing} />
      <RegionFormModal target={editing} onClose={() => setEditing(null)} />
    </>
  );
}
