import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { TrendSeries } from './indicator-figures';
import './registers.css';

// Only the modules these charts need: the map, bars, lines, their components and a canvas.
echarts.use([MapChart, BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const MAP_NAME = 'hunan';

/** Hunan's map data is served by our own server (no network beyond it). */
function useHunanMap() {
  return useQuery({
    queryKey: ['map', MAP_NAME],
    queryFn: async () => {
      const data = await api.get<Parameters<typeof echarts.registerMap>[1]>('/api/public/maps/hunan.json');
      echarts.registerMap(MAP_NAME, data);
      return true;
    },
    staleTime: Infinity,
  });
}

export interface RegionFigure {
  name: string;
  value: number | null;
  target?: number | undefined;
}

function useChart(build: (chart: echarts.ECharts) => void, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    build(chart);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

/** The 14 市州 coloured by the figures (an indicator's values for one period). */
export function IndicatorMap({ figures, unit }: { figures: RegionFigure[]; unit: string }) {
  const map = useHunanMap();
  const ready = map.data === true;
  const values = figures.map((f) => f.value).filter((v): v is number => v !== null);
  const ref = useChart(
    (chart) => {
      if (!ready) return;
      chart.setOption({
        tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}<br/>${Number.isFinite(p.value) ? p.value : '—'} ${unit}` },
        visualMap: { min: Math.min(0, ...values), max: Math.max(1, ...values), left: 8, bottom: 8, calculable: true, inRange: { color: ['#e0f3f8', '#4575b4'] } },
        series: [{ type: 'map', map: MAP_NAME, roam: false, label: { show: true, fontSize: 10 }, data: figures.map((f) => ({ name: f.name, value: f.value ?? NaN })) }],
      });
    },
    [ready, JSON.stringify(figures), unit],
  );
  return <div ref={ref} className="register-map" data-testid="indicator-map" data-values={JSON.stringify(figures.map((f) => [f.name, f.value]))} />;
}

/** Actual against target by 市州. */
export function TargetBars({ figures }: { figures: RegionFigure[] }) {
  const { t } = useTranslation('registers');
  const hasTarget = figures.some((f) => f.target !== undefined);
  const ref = useChart(
    (chart) => {
      chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 12, bottom: 80, top: 32 },
        xAxis: { type: 'category', data: figures.map((f) => f.name.replace('土家族苗族自治州', '州')), axisLabel: { rotate: 45 } },
        yAxis: { type: 'value' },
        series: [
          { name: t('statistics.actual'), type: 'bar', data: figures.map((f) => f.value) },
          ...(hasTarget ? [{ name: t('statistics.target'), type: 'bar', data: figures.map((f) => f.target ?? null) }] : []),
        ],
      });
    },
    [JSON.stringify(figures), hasTarget, t],
  );
  return <div ref={ref} className="register-bars" />;
}

/** An indicator over its periods, one line per chosen region; its targets, where set, as dashed lines. */
export function IndicatorTrend({ periods, series, unit }: { periods: string[]; series: TrendSeries[]; unit: string }) {
  const { t } = useTranslation('registers');
  const ref = useChart(
    (chart) => {
      chart.setOption({
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v} ${unit}` : '—') },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 48, right: 16, bottom: 32, top: 40 },
        xAxis: { type: 'category', data: periods, boundaryGap: false },
        yAxis: { type: 'value', name: unit },
        series: series.flatMap((s) => [
          { name: s.name, type: 'line', connectNulls: true, symbolSize: 6, data: s.values },
          ...(s.targets ? [{ name: t('statistics.targetOf', { name: s.name }), type: 'line', connectNulls: true, lineStyle: { type: 'dashed' }, symbol: 'diamond', data: s.targets }] : []),
        ]),
      });
    },
    [JSON.stringify(periods), JSON.stringify(series), unit, t],
  );
  return (
    <div
      ref={ref}
      className="register-trend"
      data-testid="indicator-trend"
      data-series={JSON.stringify(series.map((s) => [s.name, s.values, s.targets]))}
      data-periods={JSON.stringify(periods)}
    />
  );
}
