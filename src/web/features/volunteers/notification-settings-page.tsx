import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { EmailBody, NOTIFICATION_KINDS } from '../../../common/contract/notifications.js';
import { ApiError } from '../../api/http-client.js';
import {
  notificationPrefs,
  profileKeys,
  putEmail,
  putNotificationPrefs,
  type NotificationPrefs,
} from '../../api/profile.api.js';
import { errorText } from '../../components/error-text.js';
import { TextField } from '../../components/form-field.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import './profile.css';

/**
 * /me/notifications: where notices go. The in-app inbox always gets them; e-mail and SMS are
 * the person's choice (one choice per channel, for every kind of notice), and e-mail needs
 * an address, set here.
 */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.notifications.title'));
  const { me, loading } = useSession();
  const prefs = useQuery({ queryKey: profileKeys.notificationPrefs, queryFn: notificationPrefs, enabled: !!me });
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  return (
    <div className="page narrow profile-page">
      <p className="back-link">
        <Link to="/me">{t('profile.backToMe')}</Link>
      </p>
      <h1>{t('profile.notifications.title')}</h1>
      {prefs.isPending && <Loading />}
      {prefs.isError && <ErrorNotice error={prefs.error} />}
      {prefs.data && (
        <>
          <EmailForm masked={prefs.data.emailMasked} />
          <ChannelsForm prefs={prefs.data} />
        </>
      )}
    </div>
  );
}

/** Sets, replaces or removes the contact e-mail; the answer only ever shows it masked. */
function EmailForm({ masked }: { masked: string | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const doneRef = useRef<HTMLParagraphElement>(null);
  const save = useMutation({
    mutationFn: putEmail,
    onSuccess: () => {
      setEmail('');
      void client.invalidateQueries({ queryKey: profileKeys.notificationPrefs });
    },
    onError: (err) =>
      setError(
        err instanceof ApiError && err.field === 'email' ? t('profile.notifications.emailInvalid') : errorText(err, t),
      ),
  });
  useEffect(() => {
    if (save.isSuccess) doneRef.current?.focus();
  }, [save.isSuccess, save.data]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = EmailBody.safeParse({ email });
    if (!parsed.success) return setError(t('profile.notifications.emailInvalid'));
    setError(undefined);
    save.mutate(parsed.data.email);
  };
  return (
    <section className="me-section" aria-labelledby="email-title">
      <h2 id="email-title">{t('profile.notifications.emailTitle')}</h2>
      <p data-testid="email-current">
        {masked ? t('profile.notifications.emailCurrent', { email: masked }) : t('profile.notifications.emailNone')}
      </p>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="email-form">
        <TextField
          label={masked ? t('profile.notifications.emailNew') : t('profile.notifications.email')}
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          error={error}
          hint={t('profile.notifications.emailHint')}
          onChange={(e) => {
            save.reset();
            setEmail(e.target.value);
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={save.isPending} data-testid="email-save">
            {t('profile.notifications.emailSave')}
          </button>
          {masked && (
            <button type="button" className="button" disabled={save.isPending} onClick={() => save.mutate(null)}>
              {t('profile.notifications.emailRemove')}
            </button>
          )}
          {save.isSuccess && (
            <p ref={doneRef} tabIndex={-1} role="status" className="saved">
              {save.variables === null
                ? t('profile.notifications.emailRemoved')
                : t('profile.notifications.emailSaved')}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}

/** E-mail and SMS on or off; the inbox is always on. */
function ChannelsForm({ prefs }: { prefs: NotificationPrefs }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [email, setEmail] = useState(prefs.email);
  const [sms, setSms] = useState(prefs.sms);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const save = useMutation({
    mutationFn: putNotificationPrefs,
    onSuccess: (p) => client.setQueryData(profileKeys.notificationPrefs, p),
  });
  useEffect(() => {
    if (save.isSuccess) doneRef.current?.focus();
  }, [save.isSuccess]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ email, sms });
  };
  return (
    <section className="me-section" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('profile.notifications.channelsTitle')}</h2>
      <form className="form" onSubmit={onSubmit} data-testid="channels-form">
        {save.isError && <ErrorNotice error={save.error} />}
        <fieldset className="channel-list">
          <legend>{t('profile.notifications.channelsLegend')}</legend>
          <Channel name="inApp" label={t('profile.notifications.inApp')} checked>
            {t('profile.notifications.inAppHint')}
          </Channel>
          <Channel name="emailOn" label={t('profile.notifications.byEmail')} checked={email} onChange={setEmail}>
            {prefs.emailMasked
              ? t('profile.notifications.byEmailTo', { email: prefs.emailMasked })
              : t('profile.notifications.byEmailNeedsAddress')}
          </Channel>
          <Channel name="smsOn" label={t('profile.notifications.bySms')} checked={sms} onChange={setSms}>
            {t('profile.notifications.bySmsTo', { phone: prefs.phoneMasked ?? t('common.none') })}
          </Channel>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={save.isPending} data-testid="channels-save">
            {t('common.save')}
          </button>
          {save.isSuccess && (
            <p ref={doneRef} tabIndex={-1} role="status" className="saved" data-testid="channels-saved">
              {t('profile.saved')}
            </p>
          )}
        </div>
      </form>
      <h3>{t('profile.notifications.kindsTitle')}</h3>
      <ul className="kind-list">
        {NOTIFICATION_KINDS.map((k) => (
          <li key={k}>{t(`profile.notifications.kinds.${k}`)}</li>
        ))}
      </ul>
    </section>
  );
}

/** One channel's checkbox with where it sends; without `onChange` it is shown on and fixed. */
function Channel(props: {
  name: string;
  label: string;
  checked: boolean;
  onChange?: (on: boolean) => void;
  children: ReactNode;
}) {
  const hintId = useId();
  const { onChange } = props;
  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          name={props.name}
          checked={props.checked}
          disabled={!onChange}
          aria-describedby={hintId}
          onChange={onChange && ((e) => onChange(e.target.checked))}
        />
        {props.label}
      </label>
      <p id={hintId} className="hint">
        {props.children}
      </p>
    </>
  );
}
