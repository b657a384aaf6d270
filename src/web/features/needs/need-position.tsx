import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { listSites, siteKeys } from '../../api/sites.api.js';
import { TextField } from '../../components/form-field.js';
import { PositionMap } from '../organiser/position-map.js';
import { roundPosition } from '../organiser/position-keys.js';
import type { PositionMapProps } from '../organiser/position-picker.js';
import type { GeoPoint } from '../sites/map-projection.js';
import { useNearMe } from '../sites/use-near-me.js';

const NO_SITES: readonly GeoPoint[] = [];

interface Props {
  /** The latitude and longitude as typed (or set from the map): empty for none. */
  lat: string;
  lng: string;
  onChange: (lat: string, lng: string) => void;
  /** The region chosen: its public sites are drawn as points to steer by (only the region goes in the URL). */
  regionCode: string | undefined;
  errors: { lat?: string | undefined; lng?: string | undefined };
  /** The i18n keys of its words (a report's position says who sees it differently); needs' by default. */
  words?: string;
}

const pointOf = (lat: string, lng: string): GeoPoint | null => {
  const la = Number(lat);
  const ln = Number(lng);
  return lat.trim() && lng.trim() && Number.isFinite(la) && Number.isFinite(ln) ? { lat: la, lng: ln } : null;
};

/**
 * Where the need is, optionally: click the map (or move the marker with the arrow keys), use the
 * device's position (asked only when the button is pressed), or type the coordinates. The
 * position is the resident's personal data: it goes only into the posted body, never a URL.
 */
export function NeedPosition({ lat, lng, onChange, regionCode, errors, words = 'needs.position' }: Props) {
  const { t } = useTranslation();
  const hintId = useId();
  const [near, locate, clearNear] = useNearMe();
  const latest = useRef(onChange);
  latest.current = onChange;
  const sites = useQuery({
    queryKey: siteKeys.map('need-references', regionCode),
    queryFn: () => listSites({ region: regionCode, limit: 200 }),
  });
  const value = pointOf(lat, lng);
  const pick = (p: GeoPoint) => {
    const r = roundPosition(p);
    onChange(String(r.lat), String(r.lng));
  };
  // The device's position, once found, is set as if picked on the map.
  useEffect(() => {
    if (near.state !== 'on') return;
    const r = roundPosition(near);
    latest.current(String(r.lat), String(r.lng));
  }, [near]);
  const map: PositionMapProps = {
    value,
    read: () => value,
    onPick: pick,
    references: sites.data?.items ?? NO_SITES,
    disabled: false,
    label: t(`${words}.map`),
    describedBy: hintId,
  };
  return (
    <fieldset className="need-position" data-testid="need-position">
      <legend>{t(`${words}.legend`)}</legend>
      <div className="need-position-map">
        <PositionMap {...map} />
        <p id={hintId} className="position-hint">
          {t(`${words}.hint`)}
        </p>
      </div>
      <p className="need-position-actions">
        <button
          type="button"
          className="button"
          disabled={near.state === 'locating'}
          onClick={locate}
          data-testid="need-use-my-position"
        >
          {near.state === 'locating' ? t('common.working') : t(`${words}.useMine`)}
        </button>
        {value && (
          <button
            type="button"
            className="button"
            onClick={() => {
              clearNear();
              onChange('', '');
            }}
            data-testid="need-position-clear"
          >
            {t(`${words}.clear`)}
          </button>
        )}
      </p>
      <p className="hint">{t(`${words}.consent`)}</p>
      {near.state === 'failed' && (
        <p className="field-error" role="status">
          {t(`${words}.${near.reason}`)}
        </p>
      )}
      <div className="need-position-fields">
        {(['lat', 'lng'] as const).map((name) => (
          <TextField
            key={name}
            label={t(`${words}.${name}`)}
            name={name}
            inputMode="decimal"
            autoComplete="off"
            value={name === 'lat' ? lat : lng}
            error={errors[name]}
            onChange={(e) => (name === 'lat' ? onChange(e.target.value, lng) : onChange(lat, e.target.value))}
          />
        ))}
      </div>
    </fieldset>
  );
}
