import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from './screen-look.js';

/** The date and time now in the platform's time zone, ticking every second. */
export function ScreenClock({ timeZone }: { timeZone: string }) {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const locale = localeOf(i18n.language);
  const day = new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  }).format(now);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return (
    <p className="screen-clock" data-testid="screen-clock">
      <time dateTime={new Date(now).toISOString()}>
        <span className="screen-clock-day">{day}</span> <span className="screen-clock-time">{time}</span>
      </time>
    </p>
  );
}
