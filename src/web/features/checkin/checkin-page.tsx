import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { checkIn, checkOut, type ScanInput } from '../../api/checkin.api.js';
import { useFormat } from '../../components/format.js';
import { Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useMySignups } from '../activities/use-my-signups.js';
import { useSession } from '../auth/use-session.js';
import { ScanResult } from './scan-result.js';
import { currentPosition } from './use-position.js';

const CameraScanner = lazy(async () => ({ default: (await import('./camera-scanner.js')).CameraScanner }));
const EARLY_MS = 30 * 60_000;

type Code = Pick<ScanInput, 'token' | 'shiftId' | 'code'>;

/** Scan the activity's rotating code (or type its 6 digits) to check in or out, with the phone's position. */
export function CheckinPage() {
  const { t } = useTranslation();
  usePageTitle(t('checkin.title'));
  const { me, loading } = useSession();
  const f = useFormat();
  const ids = { shift: useId(), code: useId() };
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [camera, setCamera] = useState(false);
  const [shiftId, setShiftId] = useState('');
  const [code, setCode] = useState('');
  const [formError, setFormError] = useState('');
  const signups = useMySignups();
  const send = useMutation({
    mutationFn: async ({ what, as }: { what: Code; as: 'in' | 'out' }) => {
      const pos = await currentPosition();
      return (as === 'in' ? checkIn : checkOut)({ ...what, ...pos });
    },
  });
  const { mutate } = send;
  const onCode = useCallback(
    (token: string) => {
      setCamera(false);
      mutate({ what: { token }, as: kind });
    },
    [kind, mutate],
  );

  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!me.user.volunteerId) return <p className="notice">{t('activities.volunteersOnly')}</p>;

  const now = Date.now();
  const open = (signups.data?.items ?? []).filter(
    (s) =>
      (s.status === 'approved' || s.status === 'attended') &&
      Date.parse(s.start) - EARLY_MS <= now &&
      Date.parse(s.end) + 2 * 3600_000 > now,
  );
  const chosen = shiftId || open[0]?.shiftId || '';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return setFormError(t('checkin.pickShift'));
    if (!/^\d{6}$/.test(code.trim())) return setFormError(t('checkin.sixDigits'));
    setFormError('');
    send.mutate({ what: { shiftId: chosen, code: code.trim() }, as: kind });
  };

  return (
    <div className="page narrow checkin-page">
      <h1>{t('checkin.title')}</h1>
      <fieldset className="segmented">
        <legend>{t('checkin.what')}</legend>
        {(['in', 'out'] as const).map((k) => (
          <label key={k} className={kind === k ? 'segment on' : 'segment'}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(k === 'in' ? 'checkin.in' : 'checkin.out')}
          </label>
        ))}
      </fieldset>
      <div aria-live="polite">
        {send.isPending && <p className="status">{t('checkin.sending')}</p>}
        {!send.isPending && (send.data || send.error) && (
          <ScanResult kind={send.variables?.as ?? kind} result={send.data} error={send.error ?? undefined} />
        )}
      </div>

      <section className="card" aria-labelledby="scan-title">
        <h2 id="scan-title">{t('checkin.scanTitle')}</h2>
        <p>{t('checkin.scanLead')}</p>
        {camera ? (
          <>
            <Suspense fallback={<Loading />}>
              <CameraScanner onCode={onCode} label={t('checkin.cameraLabel')} />
            </Suspense>
            <button type="button" className="button" onClick={() => setCamera(false)}>
              {t('checkin.stopCamera')}
            </button>
          </>
        ) : (
          <button type="button" className="button primary" onClick={() => setCamera(true)}>
            {t('checkin.startCamera')}
          </button>
        )}
      </section>

      <section className="card" aria-labelledby="code-title">
        <h2 id="code-title">{t('checkin.codeTitle')}</h2>
        {signups.isSuccess && open.length === 0 ? (
          <p>
            {t('checkin.noOpenShift')} <Link to="/me/shifts">{t('nav.myShifts')}</Link>
          </p>
        ) : (
          <form className="form" onSubmit={onSubmit} noValidate>
            {formError && (
              <p className="notice error" role="alert">
                {formError}
              </p>
            )}
            <div className="form-row">
              <label htmlFor={ids.shift}>{t('checkin.shift')}</label>
              <select id={ids.shift} value={chosen} onChange={(e) => setShiftId(e.target.value)} name="shiftId">
                {open.map((s) => (
                  <option key={s.shiftId} value={s.shiftId}>
                    {s.activityTitle} · {f.span(s.start, s.end)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-row">
              <label htmlFor={ids.code}>{t('checkin.code')}</label>
              <input
                id={ids.code}
                name="code"
                className="code-input"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                pattern="\d{6}"
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              />
            </div>
            <button type="submit" className="button primary" disabled={send.isPending}>
              {t(kind === 'in' ? 'checkin.submitIn' : 'checkin.submitOut')}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
