import { Form, InputNumber } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoPoint } from '../sites/map-projection.js';
import { PositionMap } from './position-map.js';
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
        <PositionMap {...map} />
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
