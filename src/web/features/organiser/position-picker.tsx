import { Form, InputNumber } from 'antd';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublicConfig } from '../../components/use-public-config.js';
import type { GeoPoint } from '../sites/map-projection.js';
import { PlainPositionMap } from './plain-position-map.js';
import { roundPosition } from './position-keys.js';

/** What both maps of the picker take: the position, how to change it, and points to steer by. */
export interface PositionMapProps {
  value: GeoPoint | null;
  /** The position the form holds right now: keys pressed faster than a render move from it. */
  read: () => GeoPoint | null;
  onPick: (p: GeoPoint) => void;
  /** Sites the organisation may use, drawn as reference points. */
  references: readonly GeoPoint[];
  disabled: boolean;
  label: string;
  describedBy: string;
}

// Leaflet loads only when the installation names a tile server, as on the sites map.
const TilePositionMap = lazy(async () => ({ default: (await import('./tile-position-map.js')).TilePositionMap }));

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The activity's position: a map to click or tap (tiles when configured, else a plain
 * background; arrow keys move the marker) beside the latitude and longitude fields, which
 * stay the exact way in and carry their own messages ("required" lands under them).
 */
export function PositionPicker({ references, disabled }: { references: readonly GeoPoint[]; disabled: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const lat: unknown = Form.useWatch('lat', form);
  const lng: unknown = Form.useWatch('lng', form);
  const positionOf = (la: unknown, ln: unknown) => (isNumber(la) && isNumber(ln) ? { lat: la, lng: ln } : null);
  const hintId = useId();
  const config = usePublicConfig();
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const tileUrl = config.data?.map.tileUrl ?? null;
  const pick = (p: GeoPoint) => {
    const r = roundPosition(p);
    // Set as if typed: the fields' messages go, and the next submit checks them again.
    form.setFields([
      { name: 'lat', value: r.lat, errors: [] },
      { name: 'lng', value: r.lng, errors: [] },
    ]);
  };
  const map: PositionMapProps = {
    value: positionOf(lat, lng),
    read: () => positionOf(form.getFieldValue('lat'), form.getFieldValue('lng')),
    onPick: pick,
    references,
    disabled,
    label: t('organiser.position.map'),
    describedBy: hintId,
  };
  return (
    <div className="position-picker">
      <div className="position-picker-map">
        {tileUrl && failedUrl !== tileUrl ? (
          <Suspense fallback={<PlainPositionMap {...map} />}>
            <TilePositionMap
              {...map}
              tileUrl={tileUrl}
              attribution={config.data?.map.attribution ?? null}
              onTilesFailed={() => setFailedUrl(tileUrl)}
            />
          </Suspense>
        ) : (
          <>
            {failedUrl && (
              <p className="notice" role="status">
                {t('sites.tilesFailed')}
              </p>
            )}
            <PlainPositionMap {...map} />
          </>
        )}
        <p id={hintId} className="position-hint">
          {t('organiser.position.hint')}
        </p>
      </div>
      <div className="position-picker-fields">
        <Form.Item name="lat" label={t('organiser.create.lat')} required>
          <InputNumber min={-90} max={90} step={0.0001} disabled={disabled} />
        </Form.Item>
        <Form.Item name="lng" label={t('organiser.create.lng')} required>
          <InputNumber min={-180} max={180} step={0.0001} disabled={disabled} />
        </Form.Item>
      </div>
    </div>
  );
}
