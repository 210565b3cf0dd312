import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, formatWan } from '@/lib/format';
import type { AnnualReport } from '../api/get-annual-reports';
import { figureLabel, type MoneyField } from './figure-fields';

const KEY_MONEY: MoneyField[] = ['operating_revenue', 'main_business_revenue', 'rd_expense', 'net_profit', 'total_assets', 'total_liabilities'];

type Props = {
  items: AnnualReport[];
  loading: boolean;
  canEdit: boolean;
  onOpen: (year: number) => void;
};

/** FiguresTable lists the years filed, latest first, with the key figures in 万元. */
export function FiguresTable({ items, loading, canEdit, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dash = (s: string) => (s === '' ? '—' : s);
  const columns: TableColumnsType<AnnualReport> = [
    { key: 'year', dataIndex: 'year', title: t('figures.year'), fixed: 'left', render: (y: number) => t('units.yearLabel', { year: y }) },
    {
      key: 'employees',
      dataIndex: 'employees',
      title: figureLabel(t, 'employees'),
      align: 'right',
      render: (v: number | null) => dash(formatNumber(v, lang)),
    },
    ...KEY_MONEY.map((field) => ({
      key: field,
      dataIndex: field,
      title: t('units.withUnit', { label: figureLabel(t, field), unit: t('units.wan') }),
      align: 'right' as const,
      render: (v: number | null) => dash(formatWan(v, lang)),
    })),
    { key: 'version', dataIndex: 'version', title: t('figures.version'), align: 'right' },
    { key: 'updated_at', dataIndex: 'updated_at', title: t('figures.updatedAt'), render: (v: string) => formatDateTime(v, lang) },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => onOpen(r.year)} data-testid={`figures-open-${r.year}`}>
          {canEdit ? t('common.edit') : t('common.view')}
        </Button>
      ),
    },
  ];
  return (
    <Table<AnnualReport>
      rowKey="year"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('figures.empty') }}
      data-testid="figures-table"
    />
  );
}
