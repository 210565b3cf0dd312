import { Table, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChartCard } from './ChartCard';
import { TIER_COLORS } from './chart-options';
import type { TierCard } from './dashboard-data';
import type { DashboardWords } from './use-words';

type Props = {
  cards: TierCard[] | undefined;
  loading: boolean;
  words: DashboardWords;
  /** The qualification list of a tier's holders expiring within some days. */
  expiringLink: (card: TierCard, days: 90 | 180) => string;
  /** The cultivation pool's eligible candidates for a tier. */
  candidatesLink: (card: TierCard) => string;
};

/** WatchTable is what needs following up: each tier's qualifications expiring soon, and its candidates; each figure opens its list. */
export function WatchTable({ cards, loading, words, expiringLink, candidatesLink }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<TierCard> = [
    {
      key: 'tier',
      title: t('dashboard.watch.tier'),
      width: '34%',
      render: (_, c) => (
        <span>
          <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: TIER_COLORS[c.tier], marginInlineEnd: 8 }} />
          {words.tierName(c.tier)}
        </span>
      ),
    },
    {
      key: 'expiring90',
      title: t('dashboard.watch.expiring90'),
      align: 'right',
      render: (_, c) => (
        <Link to={expiringLink(c, 90)} data-testid={`dashboard-expiring90-${c.tier}`}>
          {words.number(c.expiring90)}
        </Link>
      ),
    },
    {
      key: 'expiring180',
      title: t('dashboard.watch.expiring180'),
      align: 'right',
      render: (_, c) => (
        <Link to={expiringLink(c, 180)} data-testid={`dashboard-expiring180-${c.tier}`}>
          {words.number(c.expiring180)}
        </Link>
      ),
    },
    {
      key: 'candidates',
      title: (
        <Tooltip title={t('dashboard.watch.candidatesHint')}>
          <span>{t('dashboard.watch.candidates')}</span>
        </Tooltip>
      ),
      align: 'right',
      render: (_, c) => (
        <Link to={candidatesLink(c)} data-testid={`dashboard-candidates-${c.tier}`}>
          {words.number(c.candidates)}
        </Link>
      ),
    },
  ];
  return (
    <ChartCard title={t('dashboard.charts.watch')} loading={loading && !cards} failed={false} empty={false} height={180} testId="dashboard-watch">
      <Table<TierCard> rowKey="tier" size="small" pagination={false} columns={columns} dataSource={cards ?? []} />
    </ChartCard>
  );
}
