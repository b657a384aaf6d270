import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelNeed, complainNeed, completeNeed, rateNeed, takeNeed, type Need } from '../../api/needs.api.js';
import { FormField } from '../../components/form-field.js';
import { ErrorNotice } from '../../components/status-views.js';
import { NeedPhotoPicker } from './need-photo-picker.js';
import { mayComplain, mayComplete, mayTake, residentMayCancel } from './need-steps.js';
import { useNeedStep } from './use-need-step.js';

/**
 * The steps the caller may take on the need's page: the resident rates, complains once or
 * cancels; the team takes and completes.
 */
export function NeedActions({ need }: { need: Need }) {
  const showTake = !need.mine && mayTake(need);
  const showComplete = mayComplete(need);
  const showRate = need.mine && need.status === 'completed';
  const showCancel = need.mine && residentMayCancel(need.status);
  const showComplain = mayComplain(need);
  if (!showTake && !showComplete && !showRate && !showCancel && !showComplain) return null;
  return (
    <>
      {showTake && <TakeButton need={need} />}
      {showComplete && <CompleteForm need={need} />}
      {showRate && <RateForm need={need} />}
      {showCancel && <CancelForm need={need} />}
      {showComplain && <ComplainForm need={need} />}
    </>
  );
}

function TakeButton({ need }: { need: Need }) {
  const { t } = useTranslation();
  const take = useNeedStep(() => takeNeed(need.id));
  return (
    <section className="card need-step" aria-labelledby="need-take">
      <h2 id="need-take">{t('needs.take.title')}</h2>
      <p>{t('needs.take.intro')}</p>
      {take.isError && <ErrorNotice error={take.error} />}
      <button
        type="button"
        className="button primary"
        disabled={take.isPending}
        onClick={() => take.mutate(undefined)}
        data-testid="need-take"
      >
        {take.isPending ? t('common.working') : t('needs.take.submit')}
      </button>
    </section>
  );
}

/** A one-field form of a step: a text (required or not) and a submit button. */
function TextStep(props: {
  id: string;
  title: string;
  label: string;
  submit: string;
  required: boolean;
  danger?: boolean;
  run: (text: string) => void;
  pending: boolean;
  error: unknown;
  /** More of the form, after the text (the completion's photos). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const empty = props.required && !text.trim();
    setMissing(empty);
    if (!empty) props.run(text.trim());
  };
  return (
    <section className="card need-step" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${props.id}-title`}>
        <FormField label={props.label} required={props.required} error={missing ? t('validation.required') : undefined}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={3}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                // The "required" error goes as soon as there is text, not at the next submit.
                if (e.target.value.trim()) setMissing(false);
              }}
              data-testid={`${props.id}-text`}
            />
          )}
        </FormField>
        {props.children}
        {props.error !== null && <ErrorNotice error={props.error} />}
        <button
          type="submit"
          className={props.danger ? 'button danger' : 'button primary'}
          disabled={props.pending}
          data-testid={`${props.id}-submit`}
        >
          {props.pending ? t('common.working') : props.submit}
        </button>
      </form>
    </section>
  );
}

function CompleteForm({ need }: { need: Need }) {
  const { t } = useTranslation();
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const complete = useNeedStep((report: string) => completeNeed(need.id, report, photoIds));
  return (
    <TextStep
      id="need-complete"
      title={t('needs.complete.title')}
      label={t('needs.complete.report')}
      submit={t('needs.complete.submit')}
      required
      run={(report) => complete.mutate(report)}
      pending={complete.isPending || uploading}
      error={complete.error}
    >
      <NeedPhotoPicker needId={need.id} onChange={setPhotoIds} onBusy={setUploading} />
    </TextStep>
  );
}

function CancelForm({ need }: { need: Need }) {
  const { t } = useTranslation();
  const cancel = useNeedStep((reason: string) => cancelNeed(need.id, reason || undefined));
  return (
    <TextStep
      id="need-cancel"
      title={t('needs.cancel.title')}
      label={t('needs.cancel.reason')}
      submit={t('needs.cancel.submit')}
      required={false}
      danger
      run={(reason) => cancel.mutate(reason)}
      pending={cancel.isPending}
      error={cancel.error}
    />
  );
}

function ComplainForm({ need }: { need: Need }) {
  const { t } = useTranslation();
  const complain = useNeedStep((text: string) => complainNeed(need.id, text));
  return (
    <TextStep
      id="need-complain"
      title={t('needs.complain.title')}
      label={t('needs.complain.text')}
      submit={t('needs.complain.submit')}
      required
      run={(text) => complain.mutate(text)}
      pending={complain.isPending}
      error={complain.error}
    />
  );
}

function RateForm({ need }: { need: Need }) {
  const { t } = useTranslation();
  const groupId = useId();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const rate = useNeedStep((s: number) => rateNeed(need.id, s, comment.trim() || undefined));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(score === null);
    if (score !== null) rate.mutate(score);
  };
  return (
    <section className="card need-step" aria-labelledby="need-rate-title">
      <h2 id="need-rate-title">{t('needs.rate.title')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="need-rate-title">
        <fieldset className={missing ? 'need-score has-error' : 'need-score'}>
          <legend>{t('needs.rate.score')}</legend>
          <div className="checkbox-group">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="checkbox">
                <input
                  type="radio"
                  name={groupId}
                  value={n}
                  checked={score === n}
                  onChange={() => setScore(n)}
                  data-testid={`need-score-${n}`}
                />
                {t('needs.rate.stars', { count: n })}
              </label>
            ))}
          </div>
          {missing && <p className="field-error">{t('needs.rate.pick')}</p>}
        </fieldset>
        <FormField label={t('needs.rate.comment')}>
          {({ id, describedBy }) => (
            <textarea
              id={id}
              rows={3}
              aria-describedby={describedBy}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid="need-rate-comment"
            />
          )}
        </FormField>
        {rate.isError && <ErrorNotice error={rate.error} />}
        <button type="submit" className="button primary" disabled={rate.isPending} data-testid="need-rate-submit">
          {rate.isPending ? t('common.working') : t('needs.rate.submit')}
        </button>
      </form>
    </section>
  );
}
