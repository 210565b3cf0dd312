import { Card, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  title: ReactNode;
  extra?: ReactNode;
  /** The chart (or table) once its figures are in; undefined while they load. */
  children: ReactNode;
  loading: boolean;
  failed: boolean;
  empty: boolean;
  height: number;
  footer?: ReactNode;
  testId: string;
};

/** ChartCard frames one chart with its title, and says so when its figures are loading, failed or empty. */
export function ChartCard({ title, extra, children, loading, failed, empty, height, footer, testId }: Props) {
  const { t } = useTranslation();
  let body: ReactNode = children;
  if (failed) body = <Result status="warning" subTitle={t('dashboard.charts.loadFailed')} style={{ height, padding: 16 }} />;
  else if (loading) body = <Skeleton.Node active style={{ width: '100%', height }} />;
  else if (empty) body = <Empty description={t('dashboard.charts.noData')} style={{ height, paddingTop: height / 4, margin: 0 }} />;
  return (
    <Card size="small" title={title} extra={extra} className="dashboard-card" data-testid={testId} style={{ height: '100%' }}>
      {body}
      {footer}
    </Card>
  );
}
