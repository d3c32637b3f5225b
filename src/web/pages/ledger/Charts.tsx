import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LIGHT_HEX, LIGHT_ORDER } from './ledger-view';
import type { Light, Overview } from './queries';
import './ledger.css';

// Only the modules these charts need.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

type Option = Parameters<echarts.ECharts['setOption']>[0];

/** A chart drawn from `option`; a click on a data item calls `onPick` with the item's `id`. */
function Chart({ option, onPick, height, testid, values }: { option: Option; onPick?: (id: string) => void; height: number; testid: string; values: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  const latest = useRef(option);
  useEffect(() => {
    pick.current = onPick;
    latest.current = option;
  });
  // Redrawn when the data changes (the formatters are functions, so the JSON is the data).
  const json = JSON.stringify(option);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(latest.current);
    chart.on('click', (params) => {
      const data = params.data as { id?: string } | undefined;
      if (data?.id !== undefined) pick.current?.(data.id);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [json]);
  return <div ref={ref} className="ledger-chart" style={{ height }} data-testid={testid} data-values={JSON.stringify(values)} />;
}

/** Tasks by light; a slice opens the tasks of that light. */
export function LightPie({ lights, onPick }: { lights: Overview['lights']; onPick: (light: Light) => void }) {
  const { t } = useTranslation('ledger');
  const data = LIGHT_ORDER.map((l) => ({ id: l, name: t(`light.${l}`), value: lights[l], itemStyle: { color: LIGHT_HEX[l] } }));
  return (
    <Chart
      testid="chart-lights"
      values={lights}
      height={240}
      onPick={(id) => onPick(id as Light)}
      option={{
        tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
        legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['45%', '72%'], center: ['50%', '45%'], label: { formatter: '{b}\n{c}' }, data }],
      }}
    />
  );
}

/** Stacked lights per row (a section or a round); a bar opens its rows. */
export function StackedLights({ rows, onPick, testid, height }: { rows: { id: string; label: string; lights: Overview['lights'] }[]; onPick: (id: string) => void; testid: string; height?: number }) {
  const { t } = useTranslation('ledger');
  return (
    <Chart
      testid={testid}
      values={rows.map((r) => [r.label, r.lights])}
      height={height ?? Math.max(180, rows.length * 34 + 60)}
      onPick={onPick}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { width: 150, overflow: 'truncate' } },
        series: LIGHT_ORDER.map((l) => ({
          type: 'bar',
          stack: 'lights',
          name: t(`light.${l}`),
          itemStyle: { color: LIGHT_HEX[l] },
          data: rows.map((r) => ({ id: r.id, value: r.lights[l] })),
        })),
      }}
    />
  );
}

/** Percent complete per row (a section or a unit), 0–100; a bar opens its rows. */
export function PercentBars({ rows, onPick, testid }: { rows: { id: string; label: string; percent: number | null }[]; onPick: (id: string) => void; testid: string }) {
  return (
    <Chart
      testid={testid}
      values={rows.map((r) => [r.label, r.percent])}
      height={Math.max(180, rows.length * 26 + 40)}
      onPick={onPick}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${String(v)}%` },
        grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: 100 },
        yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { width: 150, overflow: 'truncate' } },
        series: [
          {
            type: 'bar',
            label: { show: true, position: 'right', formatter: '{c}%' },
            itemStyle: { color: '#1d5bb8' },
            data: rows.map((r) => ({ id: r.id, value: r.percent ?? 0 })),
          },
        ],
      }}
    />
  );
}

/** Each indicator's actual as a share of its target (targets differ in units); a bar opens its task. */
export function IndicatorBars({ indicators, onPick }: { indicators: Overview['indicators']; onPick: (taskId: number) => void }) {
  const { t } = useTranslation('ledger');
  const rows = indicators.filter((i) => i.target !== null && i.target !== 0);
  const share = (i: Overview['indicators'][number]) => (i.actual === null ? 0 : Math.round((i.actual / (i.target ?? 1)) * 1000) / 10);
  return (
    <Chart
      testid="chart-indicators"
      values={rows.map((i) => [i.subject, i.target, i.actual])}
      height={Math.max(160, rows.length * 30 + 40)}
      onPick={(id) => onPick(Number(id))}
      option={{
        tooltip: {
          trigger: 'item',
          formatter: (p: { dataIndex: number }) => {
            const i = rows[p.dataIndex]!;
            return `${i.subject}<br/>${t('overview.target')} ${i.comparator ?? ''} ${i.target} ${i.unit}<br/>${t('overview.actual')} ${i.actual ?? '—'} ${i.unit}`;
          },
        },
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10) },
        yAxis: { type: 'category', inverse: true, data: rows.map((i) => i.subject), axisLabel: { width: 150, overflow: 'truncate' } },
        series: [
          {
            type: 'bar',
            label: { show: true, position: 'right', formatter: '{c}%' },
            markLine: { silent: true, symbol: 'none', label: { show: false }, data: [{ xAxis: 100 }], lineStyle: { color: '#8c8c8c', type: 'dashed' } },
            data: rows.map((i) => ({ id: String(i.taskId ?? ''), value: share(i), itemStyle: { color: share(i) >= 100 ? LIGHT_HEX.green : '#1d5bb8' } })),
          },
        ],
      }}
    />
  );
}
