import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailabilitySlot } from '../../../common/contract/volunteers.js';
import type { ProfileErrors } from './profile-form.js';

/** At most this many weekly slots (the contract's limit). */
const SLOTS_MAX = 28;
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface Props {
  slots: AvailabilitySlot[];
  onChange: (slots: AvailabilitySlot[]) => void;
  errors: ProfileErrors;
}

/**
 * Weekly availability as a list of slots (day, from, to): native selects and time inputs,
 * so it works by keyboard and screen reader on every phone. A new slot takes the focus;
 * removing one gives it to the add button.
 */
export function AvailabilityEditor({ slots, onChange, errors }: Props) {
  const { t } = useTranslation();
  const base = useId();
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusLast = useRef(false);

  useEffect(() => {
    if (!focusLast.current) return;
    focusLast.current = false;
    list.current?.querySelector<HTMLSelectElement>('li:last-child select')?.focus();
  }, [slots.length]);

  const set = (i: number, patch: Partial<AvailabilitySlot>) =>
    onChange(slots.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const add = () => {
    const last = slots[slots.length - 1];
    focusLast.current = true;
    onChange([...slots, { day: last ? (last.day % 7) + 1 : 1, from: '09:00', to: '12:00' }]);
  };
  const remove = (i: number) => {
    onChange(slots.filter((_, j) => j !== i));
    addButton.current?.focus();
  };

  return (
    <fieldset className="availability" data-testid="availability">
      <legend>{t('profile.availability.legend')}</legend>
      <p className="hint">{t('profile.availability.hint')}</p>
      {slots.length === 0 && <p>{t('profile.availability.none')}</p>}
      <ol ref={list} className="slot-list">
        {slots.map((s, i) => {
          const id = `${base}-${i}`;
          const error = errors[`availability.${i}`];
          const describedBy = error ? `${id}-error` : undefined;
          const n = i + 1;
          return (
            <li key={i} className={error ? 'slot has-error' : 'slot'} data-testid="availability-slot">
              <div className="slot-field">
                <label htmlFor={`${id}-day`}>
                  <span className="sr-only">{t('profile.availability.slot', { n })} </span>
                  {t('profile.availability.day')}
                </label>
                <select
                  id={`${id}-day`}
                  name={`availability.${i}.day`}
                  value={s.day}
                  onChange={(e) => set(i, { day: Number(e.target.value) })}
                >
                  {DAYS.map((d) => (
                    <option key={d} value={d}>
                      {t(`profile.days.${d}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="slot-field">
                <label htmlFor={`${id}-from`}>
                  <span className="sr-only">{t('profile.availability.slot', { n })} </span>
                  {t('profile.availability.from')}
                </label>
                <input
                  id={`${id}-from`}
                  type="time"
                  name={`availability.${i}.from`}
                  value={s.from}
                  required
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => set(i, { from: e.target.value })}
                />
              </div>
              <div className="slot-field">
                <label htmlFor={`${id}-to`}>
                  <span className="sr-only">{t('profile.availability.slot', { n })} </span>
                  {t('profile.availability.to')}
                </label>
                <input
                  id={`${id}-to`}
                  type="time"
                  name={`availability.${i}.to`}
                  value={s.to}
                  required
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => set(i, { to: e.target.value })}
                />
              </div>
              <button type="button" className="button slot-remove" onClick={() => remove(i)}>
                {t('profile.availability.remove', { n })}
              </button>
              {error && (
                <p id={`${id}-error`} className="field-error slot-error">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {errors.availability && <p className="field-error">{errors.availability}</p>}
      <button
        ref={addButton}
        type="button"
        className="button"
        onClick={add}
        disabled={slots.length >= SLOTS_MAX}
        data-testid="availability-add"
      >
        {t('profile.availability.add')}
      </button>
    </fieldset>
  );
}
