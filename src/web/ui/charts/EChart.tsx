// The one ECharts wrapper of the app. It registers only the charts and components the pages use (tree-shaken from
// echarts/core), keeps one chart instance per box, applies options with lazyUpdate (and notMerge when a caller says
// series may shrink), resizes with its box, holds updates while `paused` (a hidden wall screen draws nothing) and
// disposes the instance on unmount, so a page that runs for days does not keep old charts, handlers or data.
// Every chart comes with its numbers as a table: a visually hidden copy for screen readers, and a 「数据表」 toggle
// that shows the table instead of the chart for people who want the figures.
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, GaugeSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import type {
  AriaComponentOption, DatasetComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption,
  TitleComponentOption, TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useReducedMotion } from '../../lib/useReducedMotion.ts';
import './locales.ts';
import './charts.css';

echarts.use([LineChart, BarChart, GaugeChart, PieChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent,
  DatasetComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

/** The options the registered charts and components accept. */
export type EChartOption = echarts.ComposeOption<
  | LineSeriesOption | BarSeriesOption | GaugeSeriesOption | PieSeriesOption
  | GridComponentOption | TooltipComponentOption | LegendComponentOption | TitleComponentOption
  | DatasetComponentOption | MarkLineComponentOption | AriaComponentOption
>;

/** A chart's numbers as a table: the caption says what the chart shows; the first column names the rows. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** The series of a category chart (days, units…) as a table: one row per category, one column per series. */
export function tableFromSeries(input: {
  caption: string;
  categoryLabel: string;
  categories: string[];
  series: { name: string; values: readonly (number | null)[] }[];
}): ChartTable {
  return {
    caption: input.caption,
    columns: [input.categoryLabel, ...input.series.map((s) => s.name)],
    rows: input.categories.map((c, i) => [c, ...input.series.map((s) => s.values[i] ?? null)]),
  };
}

/** Named values (a gauge's, a pie's) as a two-column table. */
export function tableFromPairs(input: { caption: string; nameLabel: string; valueLabel: string; pairs: { name: string; value: number | string | null }[] }): ChartTable {
  return { caption: input.caption, columns: [input.nameLabel, input.valueLabel], rows: input.pairs.map((p) => [p.name, p.value]) };
}

/** A chart's table: shown in place of the chart, or visually hidden for screen readers. */
export function ChartDataTable({ table, hidden = false, id }: { table: ChartTable; hidden?: boolean; id?: string }) {
  const { t } = useTranslation();
  const cell = (v: string | number | null) => (v === null || v === undefined || v === '' ? t('chart.noValue') : String(v));
  return (
    <div className={hidden ? 'zz-sr-only' : 'zz-chart-table-wrap'} id={id}>
      <table className="zz-chart-table">
        <caption>{table.caption}</caption>
        <thead><tr>{table.columns.map((c, i) => <th key={i} scope="col">{c}</th>)}</tr></thead>
        <tbody>
          {table.rows.length === 0
            ? <tr><td colSpan={Math.max(1, table.columns.length)}>{t('chart.empty')}</td></tr>
            : table.rows.map((row, r) => (
              <tr key={r}>{row.map((v, i) => (i === 0 ? <th key={i} scope="row">{cell(v)}</th> : <td key={i}>{cell(v)}</td>))}</tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

export interface EChartProps {
  option: EChartOption;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  ariaLabel: string;
  /** The chart's numbers: a hidden copy for screen readers always, and the 「数据表」 toggle when `tableToggle`. */
  table?: ChartTable;
  /** Show the 「数据表」 toggle (default true when a table is given). */
  tableToggle?: boolean;
  /** Show the table instead of the chart from the start (a controlled toggle when `onShowTableChange` is given). */
  showTable?: boolean;
  onShowTableChange?: (show: boolean) => void;
  height?: number | string;
  style?: CSSProperties;
  className?: string;
  /** Replace the previous option instead of merging (series or data that may shrink). */
  notMerge?: boolean;
  /** Animate (off by default; always off when the person asked for less motion). */
  animation?: boolean;
  /** Hold updates (e.g. while the page is hidden); the latest option is applied when unpaused. */
  paused?: boolean;
  /** 'dark' for the wall screen; default the light look. */
  theme?: 'dark';
  onClick?: (params: echarts.ECElementEvent) => void;
  /** Drawn over the chart's top-left (a title, a legend of one's own). */
  children?: ReactNode;
}

export function EChart(props: EChartProps) {
  const { option, ariaLabel, table, height = 240, style, className, notMerge = false, animation = false, paused = false, theme, onClick } = props;
  const { t } = useTranslation();
  const reducedMotion = useReducedMotion();
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [ownShowTable, setOwnShowTable] = useState(props.showTable ?? false);
  const showTable = props.onShowTableChange ? (props.showTable ?? false) : ownShowTable;
  const setShowTable = (v: boolean) => (props.onShowTableChange ? props.onShowTableChange(v) : setOwnShowTable(v));
  const toggle = table && (props.tableToggle ?? true);

  // One instance per box and theme; disposed on unmount (and when the table replaces the chart).
  useEffect(() => {
    const box = boxRef.current;
    if (!box || showTable) return undefined;
    const chart = echarts.init(box, theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (p) => clickRef.current?.(p as echarts.ECElementEvent));
    const observer = new ResizeObserver(() => { if (!chart.isDisposed()) chart.resize(); });
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.off('click');
      chart.dispose();
      chartRef.current = null;
    };
  }, [theme, showTable]);

  // Options: applied while not paused; the latest one wins when drawing resumes.
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || chart.isDisposed() || paused || showTable) return;
    const animate = animation && !reducedMotion;
    chart.setOption({ backgroundColor: 'transparent', ...option, animation: animate }, { notMerge, lazyUpdate: true });
  }, [option, paused, notMerge, animation, reducedMotion, showTable, theme]);

  const boxStyle: CSSProperties = { height, ...style };
  return (
    <div className={['zz-chart', className].filter(Boolean).join(' ')} style={boxStyle}>
      {toggle && (
        <div className="zz-chart-bar">
          <button type="button" className="zz-chart-toggle" aria-pressed={showTable}
            title={showTable ? t('chart.showChart') : t('chart.showTable')}
            onClick={() => setShowTable(!showTable)}>
            {showTable ? t('chart.chart') : t('chart.dataTable')}
          </button>
        </div>
      )}
      {props.children}
      {showTable && table
        ? <ChartDataTable table={table} />
        : <div ref={boxRef} className="zz-chart-canvas" role="img" aria-label={ariaLabel} />}
      {table && !showTable && <ChartDataTable table={table} hidden />}
    </div>
  );
}

export { echarts };
