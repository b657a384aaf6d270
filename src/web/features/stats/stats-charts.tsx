/**
 * The statistics charts (ECharts, tree-shaken through echarts/core), each with its figures as
 * a table beside it: the chart is a picture for the eye, the table is what screen readers and
 * keyboards get. Only the lazily loaded statistics page imports this module.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthFigures, RegionFigures } from '../../api/stats.api.js';
import { useCareMode } from '../../components/care-mode.js';
import { useFigureFormat } from './stats-format.js';
import { FiguresTable, type FiguresColumn } from '../../components/figures-table.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Series colours: the portal's red and blue; in care mode darker, with black text and thicker lines. */
function look(care: boolean) {
  return {
    colors: care ? ['#5c000a', '#000000'] : ['#a8071a', '#1d39c4'],
    text: care ? '#000000' : '#595959',
    fontSize: care ? 16 : 12,
    lineWidth: care ? 4 : 2,
  };
}

interface Series {
  name: string;
  values: number[];
  type: 'bar' | 'line';
}

/** A category chart with one bar series on the left axis and one line series on the right. */
function chartOption(categories: string[], series: [Series, Series], care: boolean) {
  const l = look(care);
  const axisText = { color: l.text, fontSize: l.fontSize };
  return {
    animation: !care,
    color: l.colors,
    textStyle: { fontSize: l.fontSize, color: l.text },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: axisText },
    grid: { left: 8, right: 8, top: care ? 48 : 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { ...axisText, interval: 0, hideOverlap: true, rotate: categories.length > 8 ? 45 : 0 },
    },
    // The legend names the series; axis names would be cut off at the chart's edges.
    yAxis: [
      { type: 'value', axisLabel: axisText },
      { type: 'value', axisLabel: axisText, splitLine: { show: false } },
    ],
    series: series.map((s, i) => ({
      name: s.name,
      type: s.type,
      yAxisIndex: i,
      data: s.values,
      ...(s.type === 'line'
        ? { lineStyle: { width: l.lineWidth }, symbolSize: care ? 10 : 6 }
        : { itemStyle: care ? { borderColor: '#000', borderWidth: 1 } : {} }),
    })),
  };
}

interface ChartFigureProps<R> {
  caption: string;
  testId: string;
  rows: R[];
  rowHeader: (r: R) => string;
  rowTitle: string;
  columns: FiguresColumn<R>[];
  option: object;
}

/** A chart and the table of its figures, under one caption. */
function ChartFigure<R>({ caption, testId, rows, rowHeader, rowTitle, columns, option }: ChartFigureProps<R>) {
  const { t } = useTranslation();
  const tableId = useId();
  return (
    <figure className="stats-chart" data-testid={testId}>
      <figcaption>{caption}</figcaption>
      {rows.length === 0 ? (
        <p>{t('stats.noData')}</p>
      ) : (
        <>
          <ReactEChartsCore
            echarts={echarts}
            option={option}
            notMerge
            style={{ height: 300 }}
            role="img"
            aria-label={t('stats.chartLabel', { caption })}
            aria-describedby={tableId}
          />
          {/* A table wider than a phone scrolls in its own box, reachable by keyboard. */}
          <div className="stats-table-box" tabIndex={0} role="region" aria-label={t('stats.tableCaption', { caption })}>
            <FiguresTable
              className="stats-table"
              id={tableId}
              caption={t('stats.tableCaption', { caption })}
              rowTitle={rowTitle}
              rows={rows}
              rowHeader={rowHeader}
              columns={columns}
            />
          </div>
        </>
      )}
    </figure>
  );
}

/** Hours (bars) and sessions (line) per month, with people served, points and new volunteers in the table. */
export function MonthChart({ months }: { months: MonthFigures[] }) {
  const { t } = useTranslation();
  const [care] = useCareMode();
  const f = useFigureFormat();
  const name = (k: string) => t(`stats.figures.${k}`);
  const option = chartOption(
    months.map((m) => m.month),
    [
      { name: name('hours'), type: 'bar', values: months.map((m) => m.hours) },
      { name: name('sessions'), type: 'line', values: months.map((m) => m.sessions) },
    ],
    care,
  );
  return (
    <ChartFigure
      caption={t('stats.byMonth')}
      testId="stats-chart-month"
      rows={months}
      rowHeader={(m) => m.month}
      rowTitle={t('stats.month')}
      option={option}
      columns={[
        { title: name('hours'), value: (m) => f.hours(m.hours) },
        { title: name('sessions'), value: (m) => f.count(m.sessions) },
        { title: name('peopleServed'), value: (m) => f.count(m.peopleServed) },
        { title: name('pointsIssued'), value: (m) => f.count(m.pointsIssued) },
        { title: name('pointsRedeemed'), value: (m) => f.count(m.pointsRedeemed) },
        { title: name('newVolunteers'), value: (m) => f.count(m.newVolunteers) },
      ]}
    />
  );
}

/** Hours (bars) and volunteers (line) per child region, every key figure in the table. */
export function RegionChart({ regions }: { regions: RegionFigures[] }) {
  const { t } = useTranslation();
  const [care] = useCareMode();
  const f = useFigureFormat();
  const name = (k: string) => t(`stats.figures.${k}`);
  const option = chartOption(
    regions.map((r) => r.name),
    [
      { name: name('hours'), type: 'bar', values: regions.map((r) => r.hours) },
      { name: name('volunteers'), type: 'line', values: regions.map((r) => r.volunteers) },
    ],
    care,
  );
  return (
    <ChartFigure
      caption={t('stats.byRegion')}
      testId="stats-chart-region"
      rows={regions}
      rowHeader={(r) => r.name}
      rowTitle={t('stats.region')}
      option={option}
      columns={[
        { title: name('volunteers'), value: (r) => f.count(r.volunteers) },
        { title: name('activeVolunteers'), value: (r) => f.count(r.activeVolunteers) },
        { title: name('teams'), value: (r) => f.count(r.teams) },
        { title: name('sites'), value: (r) => f.count(r.sites) },
        { title: name('sessions'), value: (r) => f.count(r.sessions) },
        { title: name('participations'), value: (r) => f.count(r.participations) },
        { title: name('peopleServed'), value: (r) => f.count(r.peopleServed) },
        { title: name('hours'), value: (r) => f.hours(r.hours) },
        { title: name('pointsIssued'), value: (r) => f.count(r.pointsIssued) },
        { title: name('pointsRedeemed'), value: (r) => f.count(r.pointsRedeemed) },
      ]}
    />
  );
}
