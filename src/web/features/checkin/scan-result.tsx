import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http-client.js';
import type { Attendance } from '../../api/checkin.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { PositionError } from './use-position.js';

/** What a check-in or check-out came to: the time and any flags, or why it was refused. */
export function ScanResult({ kind, result, error }: { kind: 'in' | 'out'; result?: Attendance; error?: unknown }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (error instanceof PositionError) {
    return (
      <p className="notice error" role="alert" data-testid="scan-error">
        {t(`checkin.position.${error.reason}`)}
      </p>
    );
  }
  if (error instanceof ApiError && error.code === 'OUTSIDE_RADIUS') {
    const d = (error.details ?? {}) as { distanceM?: number; allowedM?: number };
    return (
      <p className="notice error" role="alert" data-testid="scan-error">
        {t('checkin.outside', { distance: f.distance(d.distanceM ?? 0), allowed: f.distance(d.allowedM ?? 0) })}
      </p>
    );
  }
  if (error) {
    return (
      <div data-testid="scan-error">
        <ErrorNotice error={error} />
      </div>
    );
  }
  if (!result) return null;
  const at = kind === 'out' && result.checkedOutAt ? result.checkedOutAt : result.checkedInAt;
  return (
    <div className="notice success" role="status" data-testid="scan-result">
      <p className="scan-done">{t(kind === 'in' ? 'checkin.doneIn' : 'checkin.doneOut', { time: f.time(at) })}</p>
      {result.flags.length > 0 && (
        <ul className="flags" aria-label={t('checkin.flagsTitle')}>
          {result.flags.map((flag) => (
            <li key={flag}>{t(`flags.${flag}`)}</li>
          ))}
        </ul>
      )}
      {kind === 'out' && result.recordId && <p>{t('checkin.recordPending')}</p>}
    </div>
  );
}
