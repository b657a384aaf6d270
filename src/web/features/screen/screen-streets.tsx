import { useTranslation } from 'react-i18next';
import type { RegionFigures, StatsOverview } from '../../api/stats.api.js';
import { useFigureFormat } from '../stats/stats-format.js';
import { measureName, type Measure } from './screen-look.js';
import { Ranking } from './screen-ranking.js';
import { ranked } from './screen-regions.js';

/** Above this many streets the ranking takes two columns. */
const ONE_COLUMN = 14;

/**
 * A district's streets and towns (its child regions) ranked by the measure, with what lies at the
 * district itself when there is any, so the rows add up to the district's figures. No outlines:
 * the map has none for streets.
 */
export function StreetRanking({ s, measure }: { s: StatsOverview; measure: Measure }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const own = s.atRegionItself;
  const rows: RegionFigures[] =
    own.participations || own.sessions || own.minutes
      ? [...s.byRegion, { ...own, name: t('screen.streets.itself', { name: s.regionName }) }]
      : s.byRegion;
  if (rows.length === 0) return <p className="screen-empty">{t('screen.streets.none')}</p>;
  const order = ranked(rows, (r) => r[measure]);
  return (
    <div className="screen-scroll">
      <Ranking
        label={t('screen.map.rankingLabel', { measure: measureName(t, measure) })}
        testId="screen-street-list"
        columns={order.length > ONE_COLUMN ? 2 : 1}
        className="screen-streets"
        items={order.map((r) => ({
          key: r.regionCode + r.name,
          name: r.name,
          value: r[measure],
          shown: measure === 'hours' ? f.hours(r.hours) : f.count(r.participations),
        }))}
      />
    </div>
  );
}
