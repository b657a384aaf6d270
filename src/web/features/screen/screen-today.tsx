import { useTranslation } from 'react-i18next';
import type { StatsToday } from '../../api/stats.api.js';
import { useFigureFormat } from '../stats/stats-format.js';
import { ScreenChart } from './screen-chart.js';
import { localeOf, useScreenLook } from './screen-look.js';
import { Ranking } from './screen-ranking.js';
import { ranked } from './screen-regions.js';

/** How many child regions the panel ranks. */
const REGIONS_SHOWN = 5;

/**
 * Today's check-ins: the total, per local hour (a chart), the child regions with the most, and the
 * latest ten — when, where and for which activity, never who.
 */
export function TodayPanel({ today, regionName }: { today: StatsToday; regionName: string }) {
  const { t, i18n } = useTranslation();
  const f = useFigureFormat();
  const l = useScreenLook();
  const { care } = l;
  const locale = localeOf(i18n.language);
  const clock = new Intl.DateTimeFormat(locale, {
    timeZone: today.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const label = t('screen.today.checkIns');
  const hourName = (h: number) => t('screen.today.hourRange', { from: h, to: h + 1 });
  const option = {
    animation: l.animation,
    color: [l.colors[1]],
    tooltip: { trigger: 'axis', ...l.tooltip },
    grid: { left: 4, right: 4, top: 8, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: today.byHour.map((h) => String(h.hour)),
      axisLabel: { color: l.text, fontSize: l.fontSize, interval: care ? 5 : 2 },
      axisLine: { lineStyle: { color: l.axisLine } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: l.text, fontSize: l.fontSize },
      splitLine: { lineStyle: { color: l.split } },
    },
    series: [{ name: label, type: 'bar', data: today.byHour.map((h) => h.checkIns), barMaxWidth: 12 * l.scale }],
  };
  // What lies at the region itself (an activity placed at a district's own code) ranks beside its children.
  const itself = today.checkIns - today.byRegion.reduce((n, r) => n + r.checkIns, 0);
  const rows =
    itself > 0 && today.byRegion.length > 0
      ? [
          ...today.byRegion,
          { regionCode: '', name: t('screen.streets.itself', { name: regionName }), checkIns: itself },
        ]
      : today.byRegion;
  const regions = ranked(
    rows.filter((r) => r.checkIns > 0),
    (r) => r.checkIns,
  ).slice(0, REGIONS_SHOWN);

  return (
    <>
      <p className="screen-today-total">
        <span className="screen-today-value" data-testid="screen-today-total">
          {f.count(today.checkIns)}
        </span>{' '}
        <span>{t('screen.today.totalLabel', { day: today.day })}</span>
      </p>
      {today.checkIns === 0 ? (
        <p className="screen-empty">{t('screen.today.none')}</p>
      ) : (
        <>
          <h3>{t('screen.today.byHour')}</h3>
          <div className="screen-today-hours">
            <ScreenChart
              caption={t('screen.today.byHour')}
              testId="screen-today-hours"
              rows={today.byHour.filter((h) => h.checkIns > 0)}
              rowHeader={(h) => hourName(h.hour)}
              rowTitle={t('screen.today.hour')}
              option={option}
              columns={[{ title: label, value: (h) => f.count(h.checkIns) }]}
            />
          </div>
          {regions.length > 0 && (
            <>
              <h3>{t('screen.today.byRegion')}</h3>
              <Ranking
                label={t('screen.today.byRegion')}
                testId="screen-today-regions"
                items={regions.map((r) => ({
                  key: r.regionCode || 'itself',
                  name: r.name,
                  value: r.checkIns,
                  shown: f.count(r.checkIns),
                }))}
              />
            </>
          )}
          <h3>{t('screen.today.recent')}</h3>
          {today.recent.length === 0 ? (
            <p className="screen-empty">{t('screen.today.none')}</p>
          ) : (
            // Focusable: when the list is longer than its room it scrolls, by keyboard too.
            <ol
              className="screen-feed"
              data-testid="screen-today-recent"
              aria-label={t('screen.today.recent')}
              tabIndex={0}
            >
              {today.recent.map((c, i) => (
                <li key={`${c.at}-${i}`}>
                  <time dateTime={c.at}>{clock.format(Date.parse(c.at))}</time>
                  <span className="screen-feed-region">{c.regionName}</span>
                  <span className="screen-feed-title">{c.activityTitle}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}
