import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http-client.js';
import { closeAccount } from '../../api/verification.api.js';
import { markAccountClosed } from '../../components/account-closed.js';
import { errorText } from '../../components/error-text.js';
import { TextField } from '../../components/form-field.js';

/**
 * 注销账号: says plainly what goes (name, ID number, phone, e-mail, logins, places on shifts to
 * come) and what stays (service records, hours and points, under a code that names nobody),
 * and asks for the password and an explicit yes.
 */
export function CloseAccountForm() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [sure, setSure] = useState(false);
  const [errors, setErrors] = useState<{ currentPassword?: string; sure?: string; form?: string }>({});
  const close = useMutation({
    // The note that the account is closed outlives this page: once the server ends the session,
    // any request may send the person to log in before this form hears back.
    // A fresh start at the portal (a full load drops every trace of the session in this tab).
    mutationFn: async () => {
      await closeAccount(password);
      markAccountClosed();
      window.location.assign('/');
    },
    onError: (err) =>
      setErrors(
        err instanceof ApiError && err.field === 'currentPassword'
          ? { currentPassword: t('profile.server.WRONG_PASSWORD.currentPassword') }
          : { form: errorText(err, t) },
      ),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      ...(password ? {} : { currentPassword: t('profile.currentPasswordRequired') }),
      ...(sure ? {} : { sure: t('closeAccount.confirmRequired') }),
    };
    setErrors(found);
    if (Object.keys(found).length === 0) close.mutate();
  };
  return (
    <section className="card me-section" aria-labelledby="close-title">
      <h2 id="close-title">{t('closeAccount.title')}</h2>
      <p>{t('closeAccount.what')}</p>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="close-form">
        {errors.form && (
          <p className="notice error" role="alert">
            {errors.form}
          </p>
        )}
        <TextField
          label={t('profile.currentPassword')}
          name="closePassword"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={errors.currentPassword}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className={errors.sure ? 'form-row has-error' : 'form-row'}>
          <label className="check">
            <input
              type="checkbox"
              name="closeSure"
              checked={sure}
              aria-invalid={errors.sure ? true : undefined}
              aria-describedby={errors.sure ? 'close-sure-error' : undefined}
              onChange={(e) => setSure(e.target.checked)}
            />{' '}
            {t('closeAccount.confirm')}
          </label>
          {errors.sure && (
            <p id="close-sure-error" className="field-error">
              {errors.sure}
            </p>
          )}
        </div>
        <button type="submit" className="button danger" disabled={close.isPending}>
          {close.isPending ? t('common.working') : t('closeAccount.submit')}
        </button>
      </form>
    </section>
  );
}
