import { useQuery } from '@tanstack/react-query';
import { Button, Input, Space } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelNeed, dispatchNeed, getNeed, needKeys, reviewNeed, type Need } from '../../api/needs.api.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { OrganisationSelect } from '../admin/organisation-select.js';
import { NeedActivityStep } from './need-activity-dialog.js';
import { NeedDetails } from './need-details.js';
import { mayDispatch, reviewerMayCancel, teamRegionOf } from './need-steps.js';
import { NeedTimeline } from './need-timeline.js';
import { useNeedStep } from './use-need-step.js';

/** One need of the board, opened: what it says, its timeline, and review, dispatch and cancel as it stands. */
export function NeedBoardPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const q = useQuery({ queryKey: needKeys.one(id), queryFn: () => getNeed(id) });
  // The button that opened it stays in the table: the keyboard starts here, in the panel.
  useEffect(() => heading.current?.focus(), []);
  const need = q.data;
  return (
    <section className="admin-panel need-board-panel" aria-labelledby="need-panel-title" data-testid="need-panel">
      <h2 id="need-panel-title" ref={heading} tabIndex={-1}>
        {t('needs.board.panel')}
      </h2>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {need && (
        <>
          <NeedDetails need={need} />
          {need.status === 'posted' && <ReviewStep need={need} />}
          {mayDispatch(need.status) && <DispatchStep need={need} />}
          {mayDispatch(need.status) && <NeedActivityStep need={need} />}
          {reviewerMayCancel(need.status) && <CancelStep need={need} />}
          <h3>{t('needs.one.timeline')}</h3>
          <NeedTimeline need={need} />
        </>
      )}
      <Button onClick={onClose}>{t('needs.board.close')}</Button>
    </section>
  );
}

function ReviewStep({ need }: { need: Need }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const review = useNeedStep((decision: 'accept' | 'reject') =>
    reviewNeed(need.id, decision === 'accept' ? { decision } : { decision, reason: reason.trim() }),
  );
  const reject = () => {
    setMissing(!reason.trim());
    if (reason.trim()) review.mutate('reject');
  };
  return (
    <div className="need-board-step">
      <h3>{t('needs.review.title')}</h3>
      <Button
        type="primary"
        onClick={() => review.mutate('accept')}
        loading={review.isPending}
        data-testid="need-accept"
      >
        {t('needs.review.accept')}
      </Button>
      <label htmlFor={reasonId}>{t('needs.review.reason')}</label>
      <Input.TextArea
        id={reasonId}
        rows={2}
        value={reason}
        status={missing ? 'error' : undefined}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${reasonId}-error` : undefined}
        onChange={(e) => setReason(e.target.value)}
        data-testid="need-reject-reason"
      />
      {missing && (
        <p id={`${reasonId}-error`} className="field-error">
          {t('errors.reasons.need_reason_required')}
        </p>
      )}
      <Button danger onClick={reject} loading={review.isPending} data-testid="need-reject">
        {t('needs.review.reject')}
      </Button>
      {review.isError && <ErrorNotice error={review.error} />}
    </div>
  );
}

function DispatchStep({ need }: { need: Need }) {
  const { t } = useTranslation();
  const orgId = useId();
  const [team, setTeam] = useState<string | undefined>(undefined);
  const dispatch = useNeedStep((organisationId: string) => dispatchNeed(need.id, organisationId));
  const again = need.status !== 'accepted';
  return (
    <div className="need-board-step">
      <h3>{again ? t('needs.dispatch.again') : t('needs.dispatch.title')}</h3>
      <label htmlFor={orgId}>{t('needs.dispatch.team')}</label>
      <div data-testid="need-dispatch-team">
        <OrganisationSelect
          id={orgId}
          value={team ?? null}
          onChange={setTeam}
          regionCode={teamRegionOf(need.regionCode)}
        />
      </div>
      <Space>
        <Button
          type="primary"
          disabled={!team}
          loading={dispatch.isPending}
          onClick={() => team && dispatch.mutate(team)}
          data-testid="need-dispatch"
        >
          {again ? t('needs.dispatch.submitAgain') : t('needs.dispatch.submit')}
        </Button>
      </Space>
      {dispatch.isError && <ErrorNotice error={dispatch.error} />}
    </div>
  );
}

function CancelStep({ need }: { need: Need }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const cancel = useNeedStep(() => cancelNeed(need.id, reason.trim() || undefined));
  return (
    <div className="need-board-step">
      <h3>{t('needs.cancel.title')}</h3>
      <label htmlFor={reasonId}>{t('needs.cancel.reason')}</label>
      <Input.TextArea id={reasonId} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      <Button
        danger
        onClick={() => cancel.mutate(undefined)}
        loading={cancel.isPending}
        data-testid="need-cancel-board"
      >
        {t('needs.cancel.submit')}
      </Button>
      {cancel.isError && <ErrorNotice error={cancel.error} />}
    </div>
  );
}
