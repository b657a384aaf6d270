import { useTranslation } from 'react-i18next';
import type { Report } from '../../api/reports.api.js';
import { useFormat } from '../../components/format.js';
import { PhotoThumbs } from '../../components/photo-picker.js';

/** A report's status as a coloured label. */
export function ReportStatus({ report }: { report: Pick<Report, 'status'> }) {
  const { t } = useTranslation();
  return (
    <span className={`report-status report-status-${report.status}`} data-testid="report-status">
      {t(`reports.status.${report.status}`)}
    </span>
  );
}

/** Every step of a report, in order: when (local time), what, by whom, where it went, the note and photos. */
export function ReportTimeline({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ol className="report-timeline" data-testid="report-timeline" aria-label={t('reports.timeline')}>
      {report.timeline.map((e, i) => (
        <li key={`${e.kind}-${i}`} data-testid="report-event" data-kind={e.kind}>
          <time dateTime={e.at}>{f.dateTime(e.at)}</time> <strong>{t(`reports.events.${e.kind}`)}</strong>
          {e.organisationName && <span> · {e.organisationName}</span>}
          {e.by && <span className="hint"> · {t('reports.by', { name: e.by })}</span>}
          {e.note && <p className="report-note">{e.note}</p>}
          {e.photos.length > 0 && (
            <PhotoThumbs photos={e.photos} testId="report-answer-photo" label={t('reports.answerPhotos')} />
          )}
        </li>
      ))}
    </ol>
  );
}

/** What was reported: category, status, region, when, the text, the photos and the position if given. */
export function ReportDetails({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="report-details" data-testid="report-details">
      <p>
        <ReportStatus report={report} /> · {report.regionName} ·{' '}
        {t('reports.observedAt', { at: f.dateTime(report.observedAt) })}
      </p>
      {report.organisationName && <p>{t('reports.withOrganisation', { name: report.organisationName })}</p>}
      <p className="report-text">{report.text}</p>
      {report.photos.length > 0 && (
        <PhotoThumbs photos={report.photos} testId="report-photo" label={t('reports.photos')} />
      )}
      {report.position && (
        <p className="hint">
          {t('reports.positionIs', { lat: report.position.lat.toFixed(5), lng: report.position.lng.toFixed(5) })}
        </p>
      )}
      {report.points > 0 && <p data-testid="report-points">{t('reports.pointsEarned', { points: report.points })}</p>}
    </div>
  );
}
