import { useEffect, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoPoint } from '../sites/map-projection.js';
import { fitProjection } from '../sites/map-projection.js';
import type { PositionMapProps } from './position-picker.js';
import { arrowStep } from './position-keys.js';
import './position-map.css';

const W = 640;
const H = 360;

/**
 * Picking a position on a plain background (no tile server): the organisation's sites are
 * drawn as grey reference points, the chosen position as a marker. A click sets it; with the
 * focus on the map the arrow keys move it (Shift: further). The frame stays put while the
 * marker moves inside it, and follows the marker once it leaves.
 */
export function PlainPositionMap({ value, read, onPick, references, disabled, label, describedBy }: PositionMapProps) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<GeoPoint | null>(value);
  const proj = fitProjection(anchor ? [...references, anchor] : references, W, H, 48);
  const at = value ? proj.project(value) : null;
  const outside = !!at && (at.x < 0 || at.x > W || at.y < 0 || at.y > H);
  useEffect(() => {
    if (value && (outside || !anchor)) setAnchor(value);
  }, [value, outside, anchor]);
  const usable = references.length > 0 || !!anchor;

  const click = (e: MouseEvent<SVGSVGElement>) => {
    const m = e.currentTarget.getScreenCTM();
    if (disabled || !m || !usable) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    const picked = proj.unproject({ x: p.x, y: p.y });
    if (picked) onPick(picked);
  };
  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = arrowStep(e);
    if (!step || disabled || !usable) return;
    e.preventDefault();
    const now = read();
    const from = now ? proj.project(now) : { x: W / 2, y: H / 2 };
    const moved = proj.unproject({ x: from.x + step.dx, y: from.y + step.dy });
    if (moved) onPick(moved);
  };

  return (
    <div
      className="position-map"
      role="application"
      aria-label={label}
      aria-describedby={describedBy}
      aria-disabled={disabled || !usable}
      tabIndex={disabled || !usable ? -1 : 0}
      onKeyDown={key}
      data-testid="position-map"
    >
      <svg
        className="sites-map"
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="xMidYMid meet"
        aria-hidden="true"
        onClick={click}
      >
        <rect x={0} y={0} width={W} height={H} className="map-bg" />
        {[1, 2, 3].map((i) => (
          <g key={i} className="map-grid">
            <line x1={(W * i) / 4} y1={0} x2={(W * i) / 4} y2={H} />
            <line x1={0} y1={(H * i) / 4} x2={W} y2={(H * i) / 4} />
          </g>
        ))}
        {references.map((s, i) => {
          const p = proj.project(s);
          return <circle key={i} cx={p.x} cy={p.y} r={5} className="position-reference" />;
        })}
        {at && !outside && (
          <g className="position-marker" transform={`translate(${at.x} ${at.y})`}>
            <path d="M0 0 L-9 -16 A10 10 0 1 1 9 -16 Z" />
            <circle cx={0} cy={-19} r={4} className="position-marker-dot" />
          </g>
        )}
        {!usable && (
          <text x={W / 2} y={H / 2} textAnchor="middle" className="map-empty">
            {t('organiser.position.noReference')}
          </text>
        )}
      </svg>
    </div>
  );
}
