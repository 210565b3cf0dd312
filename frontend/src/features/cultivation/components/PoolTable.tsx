import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { rulesetName, rulesetShortName } from '@/features/eligibility/components/criteria-text';
import { missingInputLabel, parseMissingInput } from '@/features/eligibility/components/missing-inputs';
import { enterpriseTabPath } from '@/features/enterprises/components/enterprise-tabs';
import { useIndustryName } from '@/features/reference/components/industry-name';
import { useRegionName } from '@/features/reference/components/region-name';
import { formatDate } from '@/lib/format';
import type { PoolRow } from '../api/get-pool';
import { gapText } from './gap-text';

type Props = {
  items: PoolRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** Officers act on the pool; a leader only reads it. */
  canAct: boolean;
  removing?: number;
  onAdd: (row: PoolRow) => void;
  onEdit: (row: PoolRow) => void;
  onRemove: (row: PoolRow) => void;
  onPage: (page: number, pageSize: number) => void;
};

/** PoolTable lists the candidates of a target tier as ranked by the server, under which ruleset, with what keeps each from it. */
export function PoolTable({ items, total, page, pageSize, loading, canAct, removing, onAdd, onEdit, onRemove, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regionName = useRegionName();
  const industryName = useIndustryName();
  const columns: TableColumnsType<PoolRow> = [
    {
      key: 'enterprise',
      title: t('cultivation.columns.enterprise'),
      fixed: 'left',
      width: 190,
      render: (_, r) => (
        <>
          <Link to={enterpriseTabPath(r.enterprise_id, 'self-check')} data-testid="pool-enterprise-link">
            {r.name}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
              {r.credit_code}
            </Typography.Text>
          </div>
        </>
      ),
    },
        {
      key: 'region',
      title: t('cultivation.columns.regionIndustry'),
      width: 150,
      render: (_, r) => (
        <>
          <div data-testid="pool-region">{regionName(r.region_code, r.region_name)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pool-industry">
            {r.industry_code ? `${r.industry_code} ${industryName(r.industry_code)}` : '—'}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'eligible',
      title: t('cultivation.columns.eligible'),
      width: 112,
      render: (_, r) => (
        <>
          {r.eligible ? (
            <Tag color="success" data-testid="pool-eligible">
              {t('cultivation.statuses.eligible')}
            </Tag>
          ) : (
            <Tag data-testid="pool-eligible">{t('cultivation.statuses.not_eligible')}</Tag>
          )}
          <div>
            <Tooltip title={rulesetName(t, r.ruleset)}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pool-ruleset">
                {rulesetShortName(t, r.ruleset)}
              </Typography.Text>
            </Tooltip>
          </div>
        </>
      ),
    },
    { key: 'score', title: t('cultivation.columns.score'), width: 72, align: 'right', render: (_, r) => <span data-testid="pool-score">{r.score ?? '—'}</span> },
    { key: 'score_gap', title: t('cultivation.columns.scoreGap'), width: 84, align: 'right', render: (_, r) => <span data-testid="pool-score-gap">{r.score_gap ?? '—'}</span> },
    {
      key: 'gaps',
      title: t('cultivation.columns.gaps'),
      width: 330,
      render: (_, r) => (
        <>
          {r.gaps.length === 0 ? (
            t('cultivation.noGaps')
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {r.gaps.map((g) => (
                <li key={g.code} data-testid="pool-gap">
                  {gapText(t, lang, g, r.target_tier, r.ruleset)}
                </li>
              ))}
            </ul>
          )}
          {r.missing.length > 0 && (
            <Tooltip title={r.missing.map((m) => missingInputLabel(t, parseMissingInput(m))).join(lang === 'en-US' ? '; ' : '；')}>
              <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="pool-missing">
                {t('cultivation.missingCount', { count: r.missing.length })}
              </Typography.Text>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      key: 'owner',
      title: t('cultivation.columns.owner'),
      width: 120,
      render: (_, r) =>
        r.entry ? (
          <>
            <span data-testid="pool-owner">{r.entry.owner_name}</span>
            {r.entry.note && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.entry.note}
                </Typography.Text>
              </div>
            )}
          </>
        ) : (
          '—'
        ),
    },
    {
      key: 'follow_up_on',
      title: t('cultivation.columns.followUp'),
      width: 120,
      render: (_, r) => <span data-testid="pool-follow-up">{r.entry?.follow_up_on ? formatDate(r.entry.follow_up_on, lang) : '—'}</span>,
    },
  ];
  if (canAct) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 110,
      render: (_, r) =>
        r.entry ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => onEdit(r)} data-testid={`pool-edit-${r.enterprise_id}`}>
              {t('cultivation.edit')}
            </Button>
            <Popconfirm
              title={t('cultivation.removeConfirm', { name: r.name })}
              okText={t('cultivation.remove')}
              cancelText={t('common.cancel')}
              onConfirm={() => onRemove(r)}
            >
              <Button type="link" size="small" danger loading={removing === r.entry.id} data-testid={`pool-remove-${r.enterprise_id}`}>
                {t('cultivation.remove')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Button type="link" size="small" onClick={() => onAdd(r)} data-testid={`pool-add-${r.enterprise_id}`}>
            {t('cultivation.add')}
          </Button>
        ),
    });
  }
  return (
    <Table<PoolRow>
      rowKey="enterprise_id"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: canAct ? 1292 : 1182 }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => <span data-testid="pool-total">{t('common.total', { count: n })}</span>,
      }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? pageSize)}
      onRow={(r) => ({ 'data-testid': `pool-row-${r.enterprise_id}` }) as React.HTMLAttributes<HTMLElement>}
      data-testid="pool-table"
    />
  );
}
