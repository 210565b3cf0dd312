import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { ChartProps } from './chart-types';

// ECharts comes with the first chart shown, not with the app.
const EChart = lazy(() => import('./EChart'));

/** Chart draws an ECharts option once ECharts has loaded, with a placeholder of the same height until then. */
export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
