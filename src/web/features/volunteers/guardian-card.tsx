import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GuardianConsentBody } from '../../../common/contract/guardians.js';
import { ApiError } from '../../api/http-client.js';
import { getGuardian, giveGuardianConsent, volunteerKeys, type Volunteer } from '../../api/volunteers.api.js';
import { errorText } from '../../components/error-text.js';
import { useFormat } from '../../components/format.js';
import { EMPTY_GUARDIAN, GuardianFields, type GuardianErrors } from '../../components/guardian-fields.js';
import { useGuardianAges } from '../../components/use-public-config.js';
import { fieldErrors } from '../../components/zod-messages.js';

/**
 * A minor's guardian on the Me page: the consent form while it is missing (sign-ups stay
 * closed till then), afterwards who consented and when, masked.
 */
export function GuardianCard({ v }: { v: Volunteer }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ages = useGuardianAges();
  const client = useQueryClient();
  const [form, setForm] = useState(EMPTY_GUARDIAN);
  const [errors, setErrors] = useState<GuardianErrors & { form?: string }>({});
  const guardian = useQuery({
    queryKey: volunteerKeys.guardian(v.id),
    queryFn: () =>
      getGuardian(v.id).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
  });
  const send = useMutation({
    mutationFn: giveGuardianConsent,
    onSuccess: (g) => {
      setForm(EMPTY_GUARDIAN);
      client.setQueryData(volunteerKeys.guardian(v.id), g);
      void client.invalidateQueries({ queryKey: volunteerKeys.one(v.id) });
    },
    onError: (err) => {
      const field = err instanceof ApiError ? err.field : undefined;
      const text = errorText(err, t, { keys: (e) => [`guardian.server.${e.code}`] });
      setErrors(field ? { [field]: text } : { form: text });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = { ...form, name: form.name.trim(), phone: form.phone.trim() };
    const r = fieldErrors(GuardianConsentBody, trimmed, t);
    setErrors(r.errors);
    if (r.data) send.mutate(r.data);
  };

  const g = guardian.data;
  return (
    <section className="card me-section" aria-labelledby="guardian-title" data-testid="guardian-card">
      <h2 id="guardian-title">{t('guardian.title')}</h2>
      <div role="status">{send.isSuccess && <p className="notice">{t('guardian.done')}</p>}</div>
      {g && (
        <dl className="profile" data-testid="guardian-summary">
          <dt>{t('guardian.name')}</dt>
          <dd>
            {g.name}（{t(`guardian.relations.${g.relation}`)}）
          </dd>
          <dt>{t('guardian.phone')}</dt>
          <dd>{g.phone}</dd>
          <dt>{t('guardian.consentedAt')}</dt>
          <dd>{f.dateTime(g.consentedAt)}</dd>
        </dl>
      )}
      {v.status === 'pending_guardian' && (
        <form className="form" onSubmit={onSubmit} noValidate data-testid="guardian-form">
          <p>{t('guardian.pending', { age: ages.age })}</p>
          {errors.form && (
            <p className="notice error" role="alert">
              {errors.form}
            </p>
          )}
          <GuardianFields value={form} onChange={setForm} errors={errors} required lead={false} />
          <button type="submit" className="button primary" disabled={send.isPending}>
            {send.isPending ? t('common.working') : t('guardian.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
