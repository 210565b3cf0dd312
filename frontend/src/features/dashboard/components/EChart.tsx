import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartClick, ChartProps } from './chart-types';

// Only what the dashboard draws, so that the chunk stays small; SVG prints sharp at any size.
echarts.use([BarChart, LineChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

/**
 * EChart draws one ECharts option and follows its container's size, including the page's size
 * when printing. Loaded lazily (see Chart), so ECharts is not part of the main bundle.
 */
export default function EChart({ option, height, onClick, ariaLabel, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef<((p: ChartClick) => void) | undefined>(onClick);

  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (params.componentType !== 'series' || typeof params.dataIndex !== 'number') return;
      click.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex });
    });
    // A viewBox lets the print stylesheet scale the drawing to the paper's column (ECharts draws none).
    instance.on('finished', () => {
      const svg = el.querySelector('svg');
      const width = svg?.getAttribute('width');
      const height = svg?.getAttribute('height');
      if (svg && width && height) svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    });
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    const print = window.matchMedia?.('print');
    print?.addEventListener?.('change', resize);
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      observer.disconnect();
      print?.removeEventListener?.('change', resize);
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option as echarts.EChartsCoreOption, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      className="dashboard-chart"
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
