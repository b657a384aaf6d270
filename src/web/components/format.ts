import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate, wallTime, wallTimeToIso } from '../../common/zoned-time.js';
import { isEnglish } from '../i18n/i18n.js';
import { usePlatformTimeZone } from './use-public-config.js';

/**
 * Formatters for one language and one time zone. Times are shown, days counted and
 * `datetime-local` inputs read in the platform's zone, so a clerk whose device runs on
 * another zone still sees Chongqing's day and hours.
 */
export function makeFormat(locale: 'zh-CN' | 'en-GB', timeZone: string) {
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const date = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' });
  return {
    timeZone,
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    time: (iso: string) => time.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    /** "12月1日 周二 09:00–12:00": a span on one day shows the day once. */
    span: (start: string, end: string) =>
      localDate(start, timeZone) === localDate(end, timeZone)
        ? `${dateTime.format(new Date(start))}–${time.format(new Date(end))}`
        : `${dateTime.format(new Date(start))} – ${dateTime.format(new Date(end))}`,
    distance: (m: number) => (m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(1)} km`),
    /** The platform's day (YYYY-MM-DD) of an instant; `dayOf(Date.now())` is today. */
    dayOf: (at: string | number) => localDate(at, timeZone),
    /** An instant as a `datetime-local` value ("2026-12-01T09:00") on the platform's clock. */
    toInput: (at: string | number) => wallTime(at, timeZone),
    /**
     * A `datetime-local` value read on the platform's clock, as an ISO instant; a value that is no
     * wall time comes back as it is, for the form's schema to name.
     */
    fromInput: (value: string) => {
      try {
        return wallTimeToIso(value, timeZone);
      } catch {
        return value;
      }
    },
  };
}

export type Format = ReturnType<typeof makeFormat>;

/** The formatters for the UI language and the platform's time zone. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  const locale = isEnglish(i18n.language) ? 'en-GB' : 'zh-CN';
  const timeZone = usePlatformTimeZone();
  return useMemo(() => makeFormat(locale, timeZone), [locale, timeZone]);
}
