import { useTranslation } from 'react-i18next';
import type { FieldFigures, MonthFigures } from '../../api/stats.api.js';
import { useFieldName } from '../../components/labels.js';
import { useFigureFormat } from '../stats/stats-format.js';
import { ScreenChart } from './screen-chart.js';
import { localeOf, monthLabel, useScreenLook, type ScreenLook } from './screen-look.js';

/** Axes in the screen's colours. */
const axis = (l: ScreenLook) => ({
  axisLabel: { color: l.text, fontSize: l.fontSize },
  axisLine: { lineStyle: { color: l.axisLine } },
  splitLine: { lineStyle: { color: l.split } },
});

/** Hours (bars) and participations (line) per month of the window. */
export function MonthTrend({ months }: { months: MonthFigures[] }) {
  const { t, i18n } = useTranslation();
  const f = useFigureFormat();
  const l = useScreenLook();
  const { care } = l;
  const locale = localeOf(i18n.language);
  const hours = t('stats.figures.hours');
  const participations = t('stats.figures.participations');
  const option = {
    animation: l.animation,
    color: l.colors,
    textStyle: { color: l.text, fontSize: l.fontSize },
    tooltip: { trigger: 'axis', ...l.tooltip },
    legend: {
      top: 0,
      right: 0,
      itemWidth: 25 * l.scale,
      itemHeight: 14 * l.scale,
      textStyle: { color: l.text, fontSize: l.fontSize },
    },
    grid: { left: 4, right: 4, top: (care ? 40 : 30) * l.scale, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month, locale)), ...axis(l) },
    yAxis: [
      { type: 'value', ...axis(l) },
      { type: 'value', ...axis(l), splitLine: { show: false } },
    ],
    series: [
      { name: hours, type: 'bar', data: months.map((m) => m.hours), barMaxWidth: 18 * l.scale },
      {
        name: participations,
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        data: months.map((m) => m.participations),
        lineStyle: { width: l.lineWidth },
        symbolSize: (care ? 10 : 6) * l.scale,
      },
    ],
  };
  return (
    <ScreenChart
      caption={t('screen.trend.title')}
      testId="screen-trend-chart"
      rows={months}
      rowHeader={(m) => m.month}
      rowTitle={t('stats.month')}
      option={option}
      columns={[
        { title: hours, value: (m) => f.hours(m.hours) },
        { title: participations, value: (m) => f.count(m.participations) },
        { title: t('stats.figures.sessions'), value: (m) => f.count(m.sessions) },
        { title: t('stats.figures.peopleServed'), value: (m) => f.count(m.peopleServed) },
      ]}
    />
  );
}

/** Hours per service field, most first, as horizontal bars. */
export function FieldChart({ fields }: { fields: FieldFigures[] }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const fieldName = useFieldName();
  const l = useScreenLook();
  const { care } = l;
  const hours = t('stats.figures.hours');
  const option = {
    animation: l.animation,
    color: [l.colors[0]],
    textStyle: { color: l.text, fontSize: l.fontSize },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, ...l.tooltip },
    grid: { left: 4, right: (care ? 80 : 64) * l.scale, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', ...axis(l), axisLabel: { show: false } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: fields.map((x) => fieldName(x.field)),
      ...axis(l),
      axisTick: { show: false },
    },
    series: [
      {
        name: hours,
        type: 'bar',
        data: fields.map((x) => x.hours),
        barMaxWidth: (care ? 22 : 14) * l.scale,
        label: {
          show: true,
          position: 'right',
          color: l.text,
          fontSize: l.fontSize,
          formatter: ({ value }: { value: number }) => f.wall(value, f.hours(value)),
        },
      },
    ],
  };
  return (
    <ScreenChart
      caption={t('screen.fields.title')}
      testId="screen-field-chart"
      rows={fields}
      rowHeader={(x) => fieldName(x.field)}
      rowTitle={t('screen.fields.field')}
      option={option}
      columns={[
        { title: hours, value: (x) => f.hours(x.hours) },
        { title: t('stats.figures.participations'), value: (x) => f.count(x.participations) },
        { title: t('stats.figures.sessions'), value: (x) => f.count(x.sessions) },
      ]}
    />
  );
}
