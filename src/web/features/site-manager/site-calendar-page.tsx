import { useQuery } from '@tanstack/react-query';
import { Button, Radio, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { siteCalendar, siteKeys, type SiteCalendarEntry } from '../../api/sites.api.js';
import { useFormat } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { isEnglish } from '../../i18n/i18n.js';
import { dayAsDate, shiftAnchor, windowOf, type CalendarView } from './calendar-window.js';

/** The activities and shifts held at my site, a week or a month at a time, drafts included. */
export function SiteCalendarPage({ siteId }: { siteId: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const [view, setView] = useState<CalendarView>('week');
  // Days are the platform's: today is Chongqing's day whatever zone the device runs on.
  const [picked, setAnchor] = useState<string | null>(null);
  const anchor = picked ?? f.dayOf(Date.now());
  const w = windowOf(view, anchor, f.timeZone);
  const window = { from: w.from, to: w.to };
  const q = useQuery({
    queryKey: siteKeys.calendar(siteId, window),
    queryFn: () => siteCalendar(siteId, window),
  });
  const locale = isEnglish(i18n.language) ? 'en-GB' : 'zh-CN';
  // Calendar days are named as written (UTC noon of the day), not moved into any zone.
  const dayName = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', day: 'numeric', weekday: 'long' });
  const range = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
  const monthName = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' });
  const first = w.days[0] ?? anchor;
  const last = w.days[w.days.length - 1] ?? anchor;
  const heading =
    view === 'month' ? monthName.format(dayAsDate(first)) : range.formatRange(dayAsDate(first), dayAsDate(last));
  const byDay = new Map<string, SiteCalendarEntry[]>();
  for (const e of q.data?.items ?? []) {
    const key = f.dayOf(e.start);
    byDay.set(key, [...(byDay.get(key) ?? []), e]);
  }
  // A week shows every day; a month only the days with something on.
  const days = view === 'week' ? w.days : w.days.filter((d) => byDay.has(d));

  return (
    <section className="admin-panel site-calendar" aria-labelledby="site-calendar-title">
      <h2 id="site-calendar-title">{t('siteManager.calendar.title')}</h2>
      <div className="site-calendar-bar">
        <Radio.Group
          optionType="button"
          value={view}
          onChange={(e) => setView(e.target.value as CalendarView)}
          aria-label={t('siteManager.calendar.view')}
          options={[
            { value: 'week', label: t('siteManager.calendar.week') },
            { value: 'month', label: t('siteManager.calendar.month') },
          ]}
        />
        <Button onClick={() => setAnchor(shiftAnchor(view, anchor, -1))} data-testid="calendar-previous">
          {t(`siteManager.calendar.previous.${view}`)}
        </Button>
        <Button onClick={() => setAnchor(null)}>{t('siteManager.calendar.today')}</Button>
        <Button onClick={() => setAnchor(shiftAnchor(view, anchor, 1))} data-testid="calendar-next">
          {t(`siteManager.calendar.next.${view}`)}
        </Button>
      </div>
      <h3 className="site-calendar-range" aria-live="polite" data-testid="calendar-range">
        {heading}
      </h3>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data?.truncated && <p className="notice">{t('siteManager.calendar.truncated')}</p>}
      {q.data && days.length === 0 && <p>{t(`siteManager.calendar.empty.${view}`)}</p>}
      {q.data && days.length > 0 && (
        <ol className="site-calendar-days" data-testid="calendar-days">
          {days.map((d) => (
            <li key={d}>
              <h4>{dayName.format(dayAsDate(d))}</h4>
              <DayShifts entries={byDay.get(d) ?? []} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function DayShifts({ entries }: { entries: SiteCalendarEntry[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const fieldName = useFieldName();
  if (entries.length === 0) return <p className="site-calendar-none">{t('siteManager.calendar.nothing')}</p>;
  return (
    <ul className="site-calendar-shifts">
      {entries.map((e) => (
        <li key={e.shiftId} data-testid="calendar-shift">
          {/* Under its day's heading a shift shows its times; one that runs past midnight shows both days. */}
          <span className="site-calendar-time">
            {fmt.dayOf(e.start) === fmt.dayOf(e.end)
              ? `${fmt.time(e.start)}–${fmt.time(e.end)}`
              : fmt.span(e.start, e.end)}
          </span>
          {e.activityStatus === 'draft' ? (
            <span className="site-calendar-title">{e.title}</span>
          ) : (
            <Link className="site-calendar-title" to={`/activities/${e.activityId}`}>
              {e.title}
            </Link>
          )}
          <Tag>{t(`activityStatus.${e.activityStatus}`)}</Tag>
          {e.shiftStatus === 'cancelled' && <Tag color="error">{t('siteManager.calendar.shiftCancelled')}</Tag>}
          <span className="site-calendar-meta">
            {e.organisationName} · {fieldName(e.field)} ·{' '}
            {t('siteManager.calendar.places', { taken: e.taken, capacity: e.capacity })}
          </span>
        </li>
      ))}
    </ul>
  );
}
