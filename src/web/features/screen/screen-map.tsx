import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RegionFigures } from '../../api/stats.api.js';
import { useFigureFormat } from '../stats/stats-format.js';
import { ScreenChart } from './screen-chart.js';
import { echarts, MAP_NAME, OUTLINED } from './screen-echarts.js';
import { measureName, useScreenLook, type Measure } from './screen-look.js';
import { Ranking } from './screen-ranking.js';
import { matchOutlines, ranked } from './screen-regions.js';

/** A region's own big screen. */
export const screenPath = (regionCode: string): string => `/screen/${encodeURIComponent(regionCode)}`;

interface DistrictMapProps {
  regions: RegionFigures[];
  measure: Measure;
}

/**
 * The child regions on the map, coloured by the measure; beside it the same regions ranked, each a
 * link to its own screen (the keyboard's way in), and the regions the map has no outline for.
 * Clicking a district on the map opens its screen too.
 */
export function DistrictMap({ regions, measure }: DistrictMapProps) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const navigate = useNavigate();
  const { nameMap, outlined } = matchOutlines(OUTLINED, regions);
  const show = (r: RegionFigures) => (measure === 'hours' ? f.hours(r.hours) : f.count(r.participations));
  const label = measureName(t, measure);
  const byName = new Map(regions.map((r) => [r.name, r]));
  // The click handler is bound once by ECharts (new handlers would rebuild the chart); it reads
  // the current regions through this ref.
  const names = useRef(byName);
  useEffect(() => {
    names.current = byName;
  });
  const onEvents = useRef({
    click: (params: unknown) => {
      const name = (params as { name?: string }).name;
      const region = name ? names.current.get(name) : undefined;
      if (region) void navigate(screenPath(region.regionCode));
    },
  });

  const l = useScreenLook();
  const { care } = l;
  const values = regions.map((r) => r[measure]);
  const option = {
    animation: l.animation,
    tooltip: {
      trigger: 'item',
      ...l.tooltip,
      formatter: (p: { name: string }) => {
        const r = byName.get(p.name);
        return r ? `${echarts.format.encodeHTML(r.name)}<br/>${echarts.format.encodeHTML(label)}: ${show(r)}` : '';
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: Math.max(1, ...values),
      left: 0,
      bottom: 0,
      itemHeight: (care ? 160 : 120) * l.scale,
      itemWidth: 20 * l.scale,
      text: [t('screen.map.more'), t('screen.map.less')],
      textStyle: { color: l.text, fontSize: l.fontSize },
      inRange: { color: ['#15335c', '#1f6fb2', '#36cfc9', '#ffd666'] },
      calculable: false,
    },
    series: [
      {
        type: 'map',
        map: MAP_NAME,
        nameMap,
        roam: false,
        selectedMode: false,
        // Fits the outlines inside the box whatever its shape (the larger side of the map is 96% of the smaller side of the box).
        layoutCenter: ['50%', '50%'],
        layoutSize: '96%',
        label: { show: false },
        itemStyle: { areaColor: '#15335c', borderColor: care ? '#ffffff' : '#7fa6dd', borderWidth: care ? 1.5 : 0.8 },
        emphasis: {
          label: { show: true, color: '#000000', fontSize: l.fontSize, fontWeight: 'bold' },
          itemStyle: { areaColor: '#ffffff' },
        },
        data: regions.filter((r) => outlined.has(r.regionCode)).map((r) => ({ name: r.name, value: r[measure] })),
      },
    ],
  };

  const order = ranked(regions, (r) => r[measure]);
  const apart = regions.filter((r) => !outlined.has(r.regionCode));
  return (
    <div className="screen-map">
      <div className="screen-map-picture">
        {outlined.size > 0 && (
          <ScreenChart
            caption={t('screen.map.caption', { measure: label })}
            testId="screen-map-chart"
            rows={order}
            rowHeader={(r) => r.name}
            rowTitle={t('stats.region')}
            option={option}
            onEvents={onEvents.current}
            columns={[
              { title: t('stats.figures.hours'), value: (r) => f.hours(r.hours) },
              { title: t('stats.figures.participations'), value: (r) => f.count(r.participations) },
              { title: t('stats.figures.sessions'), value: (r) => f.count(r.sessions) },
              { title: t('stats.figures.volunteers'), value: (r) => f.count(r.volunteers) },
              {
                title: t('screen.map.outlined'),
                value: (r) => (outlined.has(r.regionCode) ? t('screen.yes') : t('screen.no')),
              },
            ]}
          />
        )}
        {apart.length > 0 && (
          <div className="screen-map-apart" data-testid="screen-map-apart">
            <h3>{outlined.size > 0 ? t('screen.map.apart') : t('screen.map.noOutlines')}</h3>
            <ul>
              {apart.map((r) => (
                <li key={r.regionCode}>
                  <Link to={screenPath(r.regionCode)}>{r.name}</Link> <span>{show(r)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="screen-map-aside">
        <h3>{t('screen.map.ranking', { measure: label })}</h3>
        <div className="screen-scroll">
          <Ranking
            label={t('screen.map.rankingLabel', { measure: label })}
            testId="screen-region-list"
            items={order.map((r) => ({
              key: r.regionCode,
              name: r.name,
              value: r[measure],
              shown: show(r),
              to: screenPath(r.regionCode),
            }))}
          />
        </div>
      </div>
    </div>
  );
}
