import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody } from '../../../common/contract/verification.js';
import { LIMITS } from '../../../common/limits.js';
import { ApiError } from '../../api/http-client.js';
import { changePassword } from '../../api/verification.api.js';
import { NewPasswordField } from '../../components/credential-fields.js';
import { errorText } from '../../components/error-text.js';
import { TextField } from '../../components/form-field.js';
import { fieldErrors } from '../../components/zod-messages.js';

const EMPTY = { currentPassword: '', newPassword: '' };

/** A new password with the current one; the user's other logins and API tokens end. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = useMutation({
    mutationFn: changePassword,
    onSuccess: () => setForm(EMPTY),
    onError: (err) => {
      const field = err instanceof ApiError ? err.field : undefined;
      const text = errorText(err, t, { keys: (e) => [field && `profile.server.${e.code}.${field}`] });
      setErrors(field ? { [field]: text } : { form: text });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const r = fieldErrors(ChangePasswordBody, form, t);
    setErrors(r.errors);
    if (r.data) send.mutate(r.data);
  };
  return (
    <section className="card me-section" aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="password-form">
        {errors.form && (
          <p className="notice error" role="alert">
            {errors.form}
          </p>
        )}
        <div role="status">{send.isSuccess && <p className="notice">{t('password.done')}</p>}</div>
        <TextField
          label={t('profile.currentPassword')}
          name="passwordCurrent"
          type="password"
          autoComplete="current-password"
          required
          value={form.currentPassword}
          error={errors.currentPassword}
          onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
        />
        <NewPasswordField
          label={t('reset.newPassword')}
          name="passwordNew"
          value={form.newPassword}
          error={errors.newPassword}
          hint={t('password.hint', { min: LIMITS.passwordMin })}
          onChange={(v) => setForm({ ...form, newPassword: v })}
        />
        <button type="submit" className="button" disabled={send.isPending}>
          {send.isPending ? t('common.working') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
