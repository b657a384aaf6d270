import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { takesSignups } from '../../../common/activity-status.js';
import { activityKeys, type Shift } from '../../api/activities.api.js';
import { cancelSignup, signUp, signupKeys, type MySignup } from '../../api/signups.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { LIVE_STATUSES } from './use-my-signups.js';

interface Props {
  shift: Shift;
  activityId: string;
  mine: MySignup | undefined;
  canSignUp: boolean;
  /** Whether the person is logged in as a volunteer. */
  volunteer: boolean;
}

/** One shift: when, places taken and waiting, and my sign-up or the button to make one. */
export function ShiftRow({ shift, activityId, mine, canSignUp, volunteer }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: signupKeys.mine }),
      client.invalidateQueries({ queryKey: activityKeys.one(activityId) }),
    ]);
  const join = useMutation({ mutationFn: () => signUp(shift.id), onSuccess: refresh });
  const leave = useMutation({
    mutationFn: () => cancelSignup(mine?.id ?? ''),
    onSuccess: () => {
      setConfirming(false);
      return refresh();
    },
  });
  // Cancelling gives the place away (the wait-list moves up): it is asked once more, in place.
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const live = mine && LIVE_STATUSES.includes(mine.status);
  // The button pressed is replaced by its opposite; focus follows, so keyboard users stay in place.
  const cancelButton = useRef<HTMLButtonElement>(null);
  const signupButton = useRef<HTMLButtonElement>(null);
  const focusedFor = useRef(0);
  useEffect(() => {
    if (live && join.isSuccess && focusedFor.current !== join.submittedAt) {
      focusedFor.current = join.submittedAt;
      cancelButton.current?.focus();
    }
    if (!live && leave.isSuccess && focusedFor.current !== leave.submittedAt) {
      focusedFor.current = leave.submittedAt;
      signupButton.current?.focus();
    }
  }, [live, join.isSuccess, join.submittedAt, leave.isSuccess, leave.submittedAt]);
  // A sign-up that was decided (attended, no-show, rejected) stays shown; only a cancelled one can be made again.
  const shown = mine && mine.status !== 'cancelled';
  const full = shift.taken >= shift.capacity;
  const closed = !takesSignups(shift, Date.now());
  const headingId = `shift-${shift.id}`;
  const result = join.data?.status;

  return (
    <li className="card shift-row" data-testid="shift-row" aria-labelledby={headingId}>
      <h3 id={headingId}>{f.span(shift.start, shift.end)}</h3>
      <p className="shift-places">
        {t('shift.places', { taken: shift.taken, capacity: shift.capacity })}
        {shift.waitlisted > 0 && <> · {t('shift.waitlisted', { count: shift.waitlisted })}</>}
      </p>
      {shift.requiredSkills.length > 0 && (
        <p className="hint">{t('shift.skills', { skills: shift.requiredSkills.join('、') })}</p>
      )}
      {shift.requiredQualifications.length > 0 && (
        <p className="hint">
          {t('shift.qualifications', {
            list: shift.requiredQualifications.map((q) => t(`qualification.${q}`, { defaultValue: q })).join('、'),
          })}
        </p>
      )}
      {Date.parse(shift.signupDeadline) !== Date.parse(shift.end) && !closed && (
        <p className="hint">{t('shift.deadline', { time: f.dateTime(shift.signupDeadline) })}</p>
      )}
      {(shift.minAge !== null || shift.maxAge !== null) && (
        <p className="hint">{t('shift.ages', { min: shift.minAge ?? 0, max: shift.maxAge ?? '—' })}</p>
      )}
      {shift.status === 'cancelled' && <p className="notice error">{t('shift.cancelled')}</p>}
      {shown && (
        <p className={`signup-status status-${mine.status}`} data-testid="my-signup-status">
          {t(`signupStatus.${mine.status}`)}
        </p>
      )}
      <div role="status">
        {result && live && (
          <p className={result === 'approved' ? 'notice success' : 'notice'}>{t(`shift.result.${result}`)}</p>
        )}
        {leave.isSuccess && !live && <p className="notice success">{t('shift.cancelDone')}</p>}
      </div>
      {join.isError && <ErrorNotice error={join.error} />}
      {leave.isError && <ErrorNotice error={leave.error} />}
      {volunteer && live && !confirming && (
        <button ref={cancelButton} type="button" className="button" onClick={() => setConfirming(true)}>
          {t('shift.cancelSignup')}
        </button>
      )}
      {volunteer && live && confirming && (
        <div className="confirm-row" role="group" aria-label={t('shift.cancelAsk')}>
          <p>{t('shift.cancelAsk')}</p>
          <button
            ref={confirmButton}
            type="button"
            className="button danger"
            onClick={() => leave.mutate()}
            disabled={leave.isPending}
            data-testid="confirm-cancel-signup"
          >
            {leave.isPending ? t('common.working') : t('shift.cancelConfirm')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setConfirming(false);
              focusedFor.current = -1;
              setTimeout(() => cancelButton.current?.focus());
            }}
          >
            {t('shift.cancelKeep')}
          </button>
        </div>
      )}
      {volunteer && !shown && canSignUp && !closed && (
        <button
          ref={signupButton}
          type="button"
          className="button primary"
          onClick={() => join.mutate()}
          disabled={join.isPending}
          data-testid="signup-button"
        >
          {join.isPending ? t('common.working') : full ? t('shift.joinWaitlist') : t('shift.signUp')}
        </button>
      )}
      {closed && !shown && shift.status !== 'cancelled' && <p className="hint">{t('shift.closed')}</p>}
    </li>
  );
}
