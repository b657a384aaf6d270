import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FiguresTable, type FiguresColumn } from '../../components/figures-table.js';
import { echarts } from './screen-echarts.js';

export type Column<R> = FiguresColumn<R>;

interface ScreenChartProps<R> {
  /** What the chart shows; names the picture and the table of its figures. */
  caption: string;
  testId: string;
  rows: R[];
  rowHeader: (r: R) => string;
  rowTitle: string;
  columns: Column<R>[];
  option: object;
  /** ECharts events, e.g. a click on a district. */
  onEvents?: Record<string, (params: unknown) => void>;
}

/**
 * A chart on the big screen and the table of its figures: the chart is a picture for the eye,
 * the table is what screen readers get. The statistics page shows its tables; a wall display has
 * no room for them, so here the table is visually hidden.
 */
export function ScreenChart<R>({
  caption,
  testId,
  rows,
  rowHeader,
  rowTitle,
  columns,
  option,
  onEvents,
}: ScreenChartProps<R>) {
  const { t } = useTranslation();
  const tableId = useId();
  if (rows.length === 0) {
    return (
      <p className="screen-empty" data-testid={testId}>
        {t('screen.noData')}
      </p>
    );
  }
  return (
    <div className="screen-chart" data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        className="screen-chart-canvas"
        style={{ height: '100%', width: '100%' }}
        role="img"
        aria-label={t('screen.chartLabel', { caption })}
        aria-describedby={tableId}
        onEvents={onEvents}
      />
      {/* In a box: a table grows to fit its cells whatever its own size, and would widen the page. */}
      <div className="sr-only">
        <FiguresTable
          id={tableId}
          caption={t('screen.tableCaption', { caption })}
          rowTitle={rowTitle}
          rows={rows}
          rowHeader={rowHeader}
          columns={columns}
        />
      </div>
    </div>
  );
}
