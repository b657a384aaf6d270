import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { listRecords, recordKeys, type ServiceRecord } from '../../api/records.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { CorrectionForm } from './correction-form.js';
import { useActivityTitles } from './use-activity-titles.js';
import { LoadMore } from '../../components/load-more.js';

/** My service records (服务记录), newest first, each with a way to ask for a correction. */
export function MyRecordsPage() {
  const { t } = useTranslation();
  usePageTitle(t('records.title'));
  const { me, loading } = useSession();
  const volunteerId = me?.user.volunteerId ?? '';
  const q = useCursorPages(
    recordKeys.mine(volunteerId),
    (cursor) => listRecords({ volunteerId, cursor }),
    !!volunteerId,
  );
  const items = q.rows;
  const titles = useActivityTitles(items.map((r) => r.activityId));
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!volunteerId) return <p className="notice">{t('activities.volunteersOnly')}</p>;
  return (
    <div className="page narrow records-page">
      <h1>{t('records.title')}</h1>
      <p>
        <Link to="/me">{t('records.toMe')}</Link>
      </p>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.isSuccess && items.length === 0 && <p>{t('records.none')}</p>}
      <ul className="card-list">
        {items.map((r) => (
          <RecordItem key={r.id} r={r} title={titles.get(r.activityId) ?? ''} />
        ))}
      </ul>
      <LoadMore query={q} label={t('activities.loadMore')} />
    </div>
  );
}

function RecordItem({ r, title }: { r: ServiceRecord; title: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState(false);
  const headingId = `record-${r.id}`;
  return (
    <li className="card record-item" data-testid="record-item" aria-labelledby={headingId}>
      <h2 id={headingId} className="record-title">
        {title || r.content}
      </h2>
      <p>
        {f.span(r.start, r.end)} · <strong>{t('records.hours', { hours: r.hours.toFixed(1) })}</strong>
      </p>
      <p>
        <span className={`tag record-status status-${r.status}`} data-testid="record-status">
          {t(`recordStatus.${r.status}`)}
        </span>{' '}
        <span className="hint">{t(`recordSource.${r.source}`)}</span>
      </p>
      {r.flags.length > 0 && (
        <p className="hint">{r.flags.map((fl) => t(`flags.${fl}`, { defaultValue: fl })).join('；')}</p>
      )}
      {r.revokeReason && <p className="hint">{t('records.revokedBecause', { reason: r.revokeReason })}</p>}
      <div role="status">{sent && <p className="notice">{t('records.correctionSent')}</p>}</div>
      {r.status !== 'revoked' && !asking && !sent && (
        <button type="button" className="link-button" onClick={() => setAsking(true)}>
          {t('records.askCorrection')}
        </button>
      )}
      {asking && (
        <CorrectionForm
          record={r}
          onSent={() => {
            setAsking(false);
            setSent(true);
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </li>
  );
}
