import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarKeys, myCalendar, resetCalendar } from '../../api/calendar.api.js';
import { ErrorNotice } from '../../components/status-views.js';

/** The secret iCalendar URL of my shifts, to copy into a calendar app, and a reset if it leaked. */
export function CalendarLink() {
  const { t } = useTranslation();
  const inputId = useId();
  const client = useQueryClient();
  const [said, setSaid] = useState('');
  const q = useQuery({ queryKey: calendarKeys.mine, queryFn: myCalendar });
  const reset = useMutation({
    mutationFn: resetCalendar,
    onSuccess: (v) => {
      client.setQueryData(calendarKeys.mine, v);
      setSaid(t('calendar.wasReset'));
    },
  });
  const copy = async () => {
    if (!q.data) return;
    try {
      await navigator.clipboard.writeText(q.data.url);
      setSaid(t('calendar.copied'));
    } catch {
      (document.getElementById(inputId) as HTMLInputElement | null)?.select();
      setSaid(t('calendar.copyByHand'));
    }
  };
  return (
    <section className="card calendar-link" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('calendar.title')}</h2>
      <p>{t('calendar.lead')}</p>
      {q.isError && <ErrorNotice error={q.error} />}
      <div className="form-row">
        <label htmlFor={inputId}>{t('calendar.url')}</label>
        <input
          id={inputId}
          readOnly
          value={q.data?.url ?? ''}
          data-testid="calendar-url"
          onFocus={(e) => e.target.select()}
        />
      </div>
      <p className="hero-actions">
        <button type="button" className="button primary" onClick={() => void copy()} disabled={!q.data}>
          {t('calendar.copy')}
        </button>
        <button
          type="button"
          className="button"
          disabled={reset.isPending}
          onClick={() => {
            if (window.confirm(t('calendar.resetConfirm'))) reset.mutate();
          }}
        >
          {t('calendar.reset')}
        </button>
      </p>
      <p role="status">{said}</p>
      {reset.isError && <ErrorNotice error={reset.error} />}
      <p className="hint">{t('calendar.secret')}</p>
    </section>
  );
}
