import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Region, RegionKind } from '@/features/reference/api/get-regions';

type Props = {
  items: Region[];
  loading: boolean;
  onEdit: (r: Region) => void;
};

/** RegionTable lists every region in display order; a city has few, so it is one page. */
export function RegionTable({ items, loading, onEdit }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Region> = [
    { key: 'code', dataIndex: 'code', title: t('regions.fields.code') },
    { key: 'name', dataIndex: 'name', title: t('regions.fields.name') },
    { key: 'name_en', dataIndex: 'name_en', title: t('regions.fields.name_en'), render: (v: string) => v || '—' },
    { key: 'kind', dataIndex: 'kind', title: t('regions.fields.kind'), render: (k: RegionKind) => t(`regions.kinds.${k}`) },
    { key: 'order', dataIndex: 'order', title: t('regions.fields.order') },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => onEdit(r)} data-testid={`edit-region-${r.code}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
  return (
    <Table<Region>
      rowKey="code"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={false}
      footer={() => t('common.total', { count: items.length })}
      data-testid="regions-table"
    />
  );
}
