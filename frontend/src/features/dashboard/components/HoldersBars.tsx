import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsCells } from '../api/get-stats-by-region';
import { Chart } from './Chart';
import { ChartCard } from './ChartCard';
import { barsHeight, stackedBarsOption } from './chart-options';
import { stackedByTier, type Category, type Tier } from './dashboard-data';
import type { DashboardWords } from './use-words';

type Props = {
  title: string;
  data: StatsCells | undefined;
  loading: boolean;
  failed: boolean;
  /** Every category to show, in order, even those holding none (the regions); else the answer's own. */
  known?: Category[];
  categoryName: (c: Category) => string;
  words: DashboardWords;
  height?: number;
  /** Opens the list of a tier's holders in a category. */
  onOpen: (tier: Tier, category: Category) => void;
  testId: string;
};

/** HoldersBars is the holders of each tier in each region (or industry), stacked; a bar opens its list. */
export function HoldersBars({ title, data, loading, failed, known, categoryName, words, height, onOpen, testId }: Props) {
  const { t } = useTranslation();
  const bars = useMemo(() => (data ? stackedByTier(data.items, known) : undefined), [data, known]);
  const chartHeight = height ?? barsHeight(bars?.categories.length ?? 0);
  const option = useMemo(() => (bars ? stackedBarsOption(bars, categoryName, words) : undefined), [bars, categoryName, words]);
  return (
    <ChartCard
      title={title}
      extra={<Typography.Text type="secondary" className="dashboard-screen-only" style={{ fontSize: 12 }}>{t('dashboard.charts.clickHint')}</Typography.Text>}
      loading={loading && !data}
      failed={failed && !data}
      empty={!bars || bars.categories.length === 0}
      height={chartHeight}
      testId={testId}
    >
      {bars && option && (
        <Chart
          option={option}
          height={chartHeight}
          ariaLabel={title}
          testId={`${testId}-chart`}
          onClick={({ seriesIndex, dataIndex }) => {
            const tier = bars.series[seriesIndex]?.tier;
            const category = bars.categories[dataIndex];
            if (tier && category) onOpen(tier, category);
          }}
        />
      )}
    </ChartCard>
  );
}
