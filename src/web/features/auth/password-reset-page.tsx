import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PasswordResetBody } from '../../../common/contract/verification.js';
import { ApiError } from '../../api/http-client.js';
import { resetPassword } from '../../api/verification.api.js';
import { NewPasswordField, PhoneWithCode } from '../../components/credential-fields.js';
import { errorText } from '../../components/error-text.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { fieldErrors } from '../../components/zod-messages.js';

type Field = 'phone' | 'verificationCode' | 'newPassword' | 'form';

/**
 * 找回密码: a code by SMS to the account's phone, then a new password. Every session and API
 * token of the account ends; the page says the same for any number until the code is right.
 */
export function PasswordResetPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const [form, setForm] = useState({ phone: '', verificationCode: '', newPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const send = useMutation({
    mutationFn: resetPassword,
    onError: (err) => {
      const field = err instanceof ApiError ? (err.field as Field | undefined) : undefined;
      const text = errorText(err, t);
      setErrors(field ? { [field]: text } : { form: text });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...form, phone: form.phone.trim(), verificationCode: form.verificationCode.trim() };
    const r = fieldErrors(PasswordResetBody, body, t);
    setErrors(r.errors);
    if (r.data) send.mutate(r.data);
  };
  if (send.isSuccess) {
    return (
      <section className="page narrow" aria-labelledby="reset-done">
        <h1 id="reset-done">{t('reset.doneTitle')}</h1>
        <p role="status">{t('reset.done')}</p>
        <Link className="button primary" to="/login">
          {t('register.toLogin')}
        </Link>
      </section>
    );
  }
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }));
  return (
    <section className="page narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      <p>{t('reset.lead')}</p>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="reset-form">
        {errors.form && (
          <p className="notice error" role="alert">
            {errors.form}
          </p>
        )}
        <PhoneWithCode
          phone={form.phone}
          code={form.verificationCode}
          purpose="password_reset"
          onPhone={(v) => set('phone', v)}
          onCode={(v) => set('verificationCode', v)}
          errors={errors}
        />
        <NewPasswordField
          label={t('reset.newPassword')}
          name="newPassword"
          value={form.newPassword}
          error={errors.newPassword}
          onChange={(v) => set('newPassword', v)}
        />
        <button type="submit" className="button primary" disabled={send.isPending}>
          {send.isPending ? t('common.working') : t('reset.submit')}
        </button>
      </form>
      <p>
        <Link to="/login">{t('reset.back')}</Link>
      </p>
    </section>
  );
}
