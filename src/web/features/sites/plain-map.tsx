import { useTranslation } from 'react-i18next';
import { SITE_TYPE_COLOURS } from '../../components/labels.js';
import { fitProjection } from './map-projection.js';
import type { MapProps } from './sites-map.js';

const W = 640;
const H = 480;

/**
 * Sites drawn on a plain background: no tile server, so the map never breaks offline.
 * The list beside it is the accessible way to reach each site; the picture mirrors it.
 */
export function PlainMap({ sites, selectedId, onSelect, label }: MapProps) {
  const { t } = useTranslation();
  const proj = fitProjection(sites, W, H);
  const grid = [1, 2, 3].map((i) => i / 4);

  return (
    <svg
      className="sites-map"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label ?? t('sites.mapLabel', { count: sites.length })}
      preserveAspectRatio="xMidYMid meet"
      data-testid="plain-map"
    >
      <rect x={0} y={0} width={W} height={H} className="map-bg" />
      {grid.map((g) => (
        <g key={g} className="map-grid">
          <line x1={W * g} y1={0} x2={W * g} y2={H} />
          <line x1={0} y1={H * g} x2={W} y2={H * g} />
        </g>
      ))}
      {sites.map((s) => {
        const { x, y } = proj.project(s);
        const selected = s.id === selectedId;
        return (
          <g key={s.id} className={selected ? 'marker selected' : 'marker'} onClick={() => onSelect?.(s.id)}>
            <circle cx={x} cy={y} r={selected ? 11 : 7} fill={SITE_TYPE_COLOURS[s.type] ?? '#595959'} />
            {selected && (
              <text x={x + 14} y={y + 5} className="marker-label">
                {s.name}
              </text>
            )}
          </g>
        );
      })}
      {sites.length === 0 && (
        <text x={W / 2} y={H / 2} textAnchor="middle" className="map-empty">
          {t('sites.none')}
        </text>
      )}
    </svg>
  );
}
