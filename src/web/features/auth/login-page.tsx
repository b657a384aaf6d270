import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { authKeys, fetchMe, login } from '../../api/auth.api.js';
import { ApiError } from '../../api/http-client.js';
import { landingPath } from '../../components/console-menu.js';
import { errorText } from '../../components/error-text.js';
import { TextField } from '../../components/form-field.js';
import { usePageTitle } from '../../components/use-page-title.js';

/** Log in with a username, phone number or volunteer code. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState({ login: '', password: '' });
  const [missing, setMissing] = useState<{ login?: string; password?: string }>({});

  const mutation = useMutation({
    mutationFn: async () => {
      await login({ login: form.login.trim(), password: form.password });
      return fetchMe();
    },
    onSuccess: (me) => {
      client.setQueryData(authKeys.me, me);
      // Staff land on their workbench; volunteers on their hub; residents on the home page.
      void navigate(landingPath(me));
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const m = {
      login: form.login.trim() ? undefined : t('validation.required'),
      password: form.password ? undefined : t('validation.required'),
    };
    setMissing(m);
    if (!m.login && !m.password) mutation.mutate();
  };

  const err = mutation.error;
  const message =
    err instanceof ApiError && err.code === 'INVALID_CREDENTIALS' ? t('login.invalid') : err ? errorText(err, t) : null;

  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <form onSubmit={onSubmit} noValidate className="form" aria-describedby={message ? 'login-error' : undefined}>
        {message && (
          <p id="login-error" className="notice error" role="alert">
            {message}
          </p>
        )}
        <TextField
          label={t('login.login')}
          hint={t('login.loginHint')}
          name="login"
          autoComplete="username"
          required
          value={form.login}
          error={missing.login}
          onChange={(e) => setForm({ ...form, login: e.target.value })}
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={form.password}
          error={missing.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.working') : t('login.submit')}
        </button>
      </form>
      <p>
        {t('login.noAccount')} <Link to="/register">{t('login.toRegister')}</Link>
      </p>
      <p>
        <Link to="/password-reset" data-testid="forgot-password">
          {t('reset.link')}
        </Link>
      </p>
    </section>
  );
}
