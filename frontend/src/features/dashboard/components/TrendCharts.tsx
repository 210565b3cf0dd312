import { Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsTrend } from '../api/get-stats-trend';
import { Chart } from './Chart';
import { ChartCard } from './ChartCard';
import { trendOption } from './chart-options';
import { trendSeries } from './dashboard-data';
import type { DashboardWords } from './use-words';

const HEIGHT = 260;

type Props = {
  data: StatsTrend | undefined;
  loading: boolean;
  failed: boolean;
  /** The year the as-of date falls in, when that year is not over by the date: its year-end figure is noted. */
  yearInProgress?: number;
  words: DashboardWords;
};

/** TrendCharts are the holders at each year's end and the new qualifications of each year, one line per tier. */
export function TrendCharts({ data, loading, failed, yearInProgress, words }: Props) {
  const { t } = useTranslation();
  const series = useMemo(() => (data ? trendSeries(data) : undefined), [data]);
  const holders = useMemo(() => (series ? trendOption(series.years, series.holdersAtYearEnd, words) : undefined), [series, words]);
  const granted = useMemo(() => (series ? trendOption(series.years, series.newQualifications, words) : undefined), [series, words]);
  const note =
    yearInProgress !== undefined && series?.years.includes(yearInProgress) ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dashboard-trend-note">
        {t('dashboard.charts.yearInProgress', { year: yearInProgress })}
      </Typography.Text>
    ) : null;
  const common = { loading: loading && !data, failed: failed && !data, empty: !series || series.years.length === 0, height: HEIGHT };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <ChartCard title={t('dashboard.charts.holdersAtYearEnd')} {...common} footer={note} testId="dashboard-trend-holders">
          {holders && <Chart option={holders} height={HEIGHT} ariaLabel={t('dashboard.charts.holdersAtYearEnd')} testId="dashboard-trend-holders-chart" />}
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t('dashboard.charts.newQualifications')} {...common} testId="dashboard-trend-new">
          {granted && <Chart option={granted} height={HEIGHT} ariaLabel={t('dashboard.charts.newQualifications')} testId="dashboard-trend-new-chart" />}
        </ChartCard>
      </Col>
    </Row>
  );
}
