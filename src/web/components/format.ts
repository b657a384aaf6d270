import { useTranslation } from 'react-i18next';
import { isEnglish } from '../i18n/i18n.js';

/** Formats times in the UI language and the device's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = isEnglish(i18n.language) ? 'en-GB' : 'zh-CN';
  const dateTime = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    time: (iso: string) => time.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    /** "12月1日 周二 09:00–12:00": a span on one day shows the day once. */
    span: (start: string, end: string) => {
      const a = new Date(start);
      const b = new Date(end);
      return a.toDateString() === b.toDateString()
        ? `${dateTime.format(a)}–${time.format(b)}`
        : `${dateTime.format(a)} – ${dateTime.format(b)}`;
    },
    distance: (m: number) => (m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(1)} km`),
  };
}

/** A local `datetime-local` input value ("2026-12-01T09:00") as an ISO time with the device's offset. */
export function localInputToIso(value: string): string {
  const d = new Date(value);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const mm = String(Math.abs(off) % 60).padStart(2, '0');
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:00` +
    `${sign}${hh}:${mm}`
  );
}

/** An instant as a `datetime-local` input value in the device's time zone. */
export function isoToLocalInput(iso: string | number | Date): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
