import { Table, Tag, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIndustryName } from '@/features/reference/components/industry-name';
import { useRegionName } from '@/features/reference/components/region-name';
import { formatDateTime } from '@/lib/format';
import type { Enterprise, EnterpriseSort } from '../api/get-enterprises';

const SORTABLE = ['name', 'credit_code', 'created_at', 'updated_at'] as const;
type SortField = (typeof SORTABLE)[number];

function orderOf(sort: string | undefined, field: SortField): SortOrder {
  const current = sort ?? 'name';
  if (current === field) return 'ascend';
  if (current === `-${field}`) return 'descend';
  return null;
}

/** sortParam turns the table's sorter into the API's `sort` (undefined = the default). */
function sortParam(sorter: SorterResult<Enterprise> | SorterResult<Enterprise>[]): EnterpriseSort | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = s?.columnKey ?? s?.field;
  if (!s?.order || typeof field !== 'string' || !(SORTABLE as readonly string[]).includes(field)) return undefined;
  return (s.order === 'descend' ? `-${field}` : field) as EnterpriseSort;
}

type Props = {
  items: Enterprise[];
  total: number;
  page: number;
  pageSize: number;
  sort?: string;
  loading: boolean;
  onChange: (change: { page: number; pageSize: number; sort?: EnterpriseSort }) => void;
};

export function EnterpriseTable({ items, total, page, pageSize, sort, loading, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const industryName = useIndustryName();
  const columns: TableColumnsType<Enterprise> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('enterprise.fields.name'),
      sorter: true,
      sortOrder: orderOf(sort, 'name'),
      render: (name: string, e) => (
        <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link">
          {name}
        </Link>
      ),
    },
    {
      key: 'credit_code',
      dataIndex: 'credit_code',
      title: t('enterprise.fields.credit_code'),
      sorter: true,
      sortOrder: orderOf(sort, 'credit_code'),
      render: (code: string) => <span style={{ fontFamily: 'monospace' }}>{code}</span>,
    },
    { key: 'region', title: t('enterprise.fields.region'), render: (_, e) => regionName(e.region_code, e.region_name) },
    {
      key: 'industry',
      title: t('enterprise.fields.industry'),
      render: (_, e) => (e.industry_code ? `${e.industry_code} ${industryName(e.industry_code, e.industry_name)}` : '—'),
    },
    {
      key: 'size_class',
      dataIndex: 'size_class',
      title: t('enterprise.fields.size_class'),
      render: (s: Enterprise['size_class']) => (s ? t(`enterprise.sizeClass.${s}`) : '—'),
    },
    {
      key: 'tags',
      dataIndex: 'tags',
      title: t('enterprise.fields.tags'),
      render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    {
      key: 'created_at',
      dataIndex: 'created_at',
      title: t('enterprise.fields.created_at'),
      sorter: true,
      sortOrder: orderOf(sort, 'created_at'),
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    {
      key: 'updated_at',
      dataIndex: 'updated_at',
      title: t('enterprise.fields.updated_at'),
      sorter: true,
      sortOrder: orderOf(sort, 'updated_at'),
      render: (v: string) => formatDateTime(v, i18n.language),
    },
  ];

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n) => <span data-testid="enterprises-total">{t('common.total', { count: n })}</span>,
  };

  return (
    <Table<Enterprise>
      rowKey="id"
      data-testid="enterprises-table"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      sortDirections={['ascend', 'descend']}
      onChange={(p, _filters, sorter, extra) => {
        const nextSort = extra.action === 'sort' ? sortParam(sorter) : (sort as EnterpriseSort | undefined);
        onChange({ page: extra.action === 'paginate' ? (p.current ?? 1) : 1, pageSize: p.pageSize ?? pageSize, sort: nextSort });
      }}
    />
  );
}
