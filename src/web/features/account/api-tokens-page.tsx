import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import {
  TOKEN_DAYS,
  TOKEN_ROLES,
  TOKEN_SCOPES,
  type ApiToken,
  type NewApiToken,
  type TokenScope,
} from '../../../common/contract/tokens.js';
import { createToken, listTokens, revokeToken, tokenKeys } from '../../api/tokens.api.js';
import { ApiError } from '../../api/http-client.js';
import { errorText } from '../../components/error-text.js';
import { TextField } from '../../components/form-field.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { NewTokenCard } from './new-token-card.js';
import './api-tokens.css';

/** /me/tokens: an admin or organiser lists, makes and revokes the bearer tokens of their scripts. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  usePageTitle(t('apiTokens.title'));
  const { me, loading } = useSession();
  const [made, setMade] = useState<NewApiToken | null>(null);

  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  const allowed = me.roles.some((g) => TOKEN_ROLES.includes(g.role));
  return (
    <div className="page narrow api-tokens-page">
      <p className="back-link">
        <Link to="/me">{t('profile.backToMe')}</Link>
      </p>
      <h1>{t('apiTokens.title')}</h1>
      <p>{t('apiTokens.lead')}</p>
      {!allowed && <p className="notice">{t('apiTokens.makersOnly')}</p>}
      {allowed && (
        <>
          <CreateTokenForm onMade={setMade} />
          {made && <NewTokenCard made={made} />}
          <TokenList justMade={made?.id} />
        </>
      )}
    </div>
  );
}

function CreateTokenForm({ onMade }: { onMade: (t: NewApiToken) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [days, setDays] = useState(String(TOKEN_DAYS.default));
  const [errors, setErrors] = useState<{ name?: string; days?: string; form?: string }>({});
  const create = useMutation({
    mutationFn: createToken,
    onSuccess: async (made) => {
      setName('');
      onMade(made);
      await client.invalidateQueries({ queryKey: tokenKeys.all });
    },
    onError: (err) =>
      setErrors(
        err instanceof ApiError && (err.field === 'name' || err.field === 'days')
          ? { [err.field]: errorText(err, t) }
          : { form: errorText(err, t) },
      ),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(days);
    const found = {
      ...(name.trim() ? {} : { name: t('apiTokens.nameRequired') }),
      ...(Number.isInteger(n) && n >= TOKEN_DAYS.min && n <= TOKEN_DAYS.max
        ? {}
        : { days: t('apiTokens.daysRange', { min: TOKEN_DAYS.min, max: TOKEN_DAYS.max }) }),
    };
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate({ name: name.trim(), scope, days: n });
  };
  return (
    <section className="card me-section" aria-labelledby="token-create-title">
      <h2 id="token-create-title">{t('apiTokens.createTitle')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="token-form">
        {errors.form && (
          <p className="notice error" role="alert">
            {errors.form}
          </p>
        )}
        <TextField
          label={t('apiTokens.name')}
          name="tokenName"
          required
          maxLength={60}
          value={name}
          error={errors.name}
          hint={t('apiTokens.nameHint')}
          onChange={(e) => setName(e.target.value)}
        />
        <fieldset className="scope-choice">
          <legend>{t('apiTokens.scope')}</legend>
          {TOKEN_SCOPES.map((s) => (
            <label key={s} className="check">
              <input type="radio" name="tokenScope" value={s} checked={scope === s} onChange={() => setScope(s)} />{' '}
              {t(`apiTokens.scopes.${s}`)}
            </label>
          ))}
        </fieldset>
        <TextField
          label={t('apiTokens.days')}
          name="tokenDays"
          type="number"
          inputMode="numeric"
          min={TOKEN_DAYS.min}
          max={TOKEN_DAYS.max}
          required
          value={days}
          error={errors.days}
          hint={t('apiTokens.daysHint', { min: TOKEN_DAYS.min, max: TOKEN_DAYS.max })}
          onChange={(e) => setDays(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={create.isPending} data-testid="token-create">
          {create.isPending ? t('common.working') : t('apiTokens.create')}
        </button>
      </form>
    </section>
  );
}

function TokenList({ justMade }: { justMade: string | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const [said, setSaid] = useState('');
  const q = useQuery({ queryKey: tokenKeys.all, queryFn: listTokens });
  const revoke = useMutation({
    mutationFn: (tok: ApiToken) => revokeToken(tok.id),
    onSuccess: async (_v, tok) => {
      setSaid(t('apiTokens.revoked', { name: tok.name }));
      await client.invalidateQueries({ queryKey: tokenKeys.all });
      document.getElementById('token-list-title')?.focus();
    },
  });
  const items = q.data?.items ?? [];
  return (
    <section className="card me-section" aria-labelledby="token-list-title">
      <h2 id="token-list-title" tabIndex={-1}>
        {t('apiTokens.listTitle')}
      </h2>
      <p role="status" className="hint" data-testid="token-status">
        {said}
      </p>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {revoke.isError && <ErrorNotice error={revoke.error} />}
      {q.data && items.length === 0 && <p data-testid="token-none">{t('apiTokens.none')}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="token-table" data-testid="token-table">
            <thead>
              <tr>
                <th scope="col">{t('apiTokens.name')}</th>
                <th scope="col">{t('apiTokens.scope')}</th>
                <th scope="col">{t('apiTokens.created')}</th>
                <th scope="col">{t('apiTokens.expires')}</th>
                <th scope="col">{t('apiTokens.lastUsed')}</th>
                <th scope="col">
                  <span className="sr-only">{t('apiTokens.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((tok) => (
                <tr key={tok.id} data-testid="token-row" aria-current={tok.id === justMade ? 'true' : undefined}>
                  <th scope="row">{tok.name}</th>
                  <td>{t(`apiTokens.scopes.${tok.scope}`)}</td>
                  <td>{fmt.date(tok.createdAt)}</td>
                  <td>{fmt.date(tok.expiresAt)}</td>
                  <td>{tok.lastUsedAt ? fmt.dateTime(tok.lastUsedAt) : t('apiTokens.neverUsed')}</td>
                  <td>
                    <button
                      type="button"
                      className="button danger"
                      disabled={revoke.isPending}
                      aria-label={t('apiTokens.revokeNamed', { name: tok.name })}
                      onClick={() => revoke.mutate(tok)}
                      data-testid="token-revoke"
                    >
                      {t('apiTokens.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
