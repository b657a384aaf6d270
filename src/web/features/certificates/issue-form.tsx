import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IssueCertificateBody } from '../../../common/contract/certificates.js';
import {
  certificatePdfUrl,
  issueCertificate,
  organisationsOffered,
  type IssueCertificate,
} from '../../api/certificates.api.js';
import { FormField, TextField } from '../../components/form-field.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { fieldErrors } from '../../components/zod-messages.js';

/**
 * Issues a certificate for a period: the volunteer's own (the "my certificates" page). When the
 * period holds records of several organisations, the refusal offers them and one is picked.
 */
export function IssueForm({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const today = f.dayOf(Date.now());
  const [form, setForm] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today, organisationId: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [offered, setOffered] = useState<{ id: string; name: string }[]>([]);
  const issue = useMutation({
    mutationFn: (body: IssueCertificate) => issueCertificate(body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['certificates'] }),
    onError: (e) => {
      const o = organisationsOffered(e);
      if (o.length > 0) setOffered(o);
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = { volunteerId, from: form.from, to: form.to, organisationId: form.organisationId || undefined };
    const r = fieldErrors(IssueCertificateBody, body, t);
    setErrors(r.errors);
    if (r.data) issue.mutate(r.data);
  };
  const needsPick = offered.length > 0 && !form.organisationId;
  return (
    <form className="form issue-certificate" onSubmit={onSubmit} noValidate aria-labelledby="issue-title">
      <h2 id="issue-title">{t('certificates.issue')}</h2>
      <p className="hint">{t('certificates.issueHint')}</p>
      <TextField
        label={t('certificates.from')}
        type="date"
        required
        value={form.from}
        error={errors.from}
        onChange={(e) => setForm({ ...form, from: e.target.value })}
      />
      <TextField
        label={t('certificates.to')}
        type="date"
        required
        value={form.to}
        error={errors.to}
        onChange={(e) => setForm({ ...form, to: e.target.value })}
      />
      {offered.length > 0 && (
        <FormField label={t('certificates.organisation')} hint={t('certificates.organisationHint')} required>
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={form.organisationId}
              onChange={(e) => setForm({ ...form, organisationId: e.target.value })}
            >
              <option value="">{t('certificates.pickOrganisation')}</option>
              {offered.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {issue.isError && !needsPick && <ErrorNotice error={issue.error} />}
      <div role="status">
        {issue.isSuccess && (
          <p className="notice" data-testid="certificate-issued">
            {t('certificates.issued', { serial: issue.data.serial })}{' '}
            <a href={certificatePdfUrl(issue.data.code)} download>
              {t('certificates.download')}
            </a>{' '}
            · <Link to={`/verify/${issue.data.code}`}>{t('certificates.verifyLink')}</Link>
          </p>
        )}
      </div>
      <p className="hero-actions">
        <button type="submit" className="button primary" disabled={issue.isPending || needsPick}>
          {issue.isPending ? t('common.working') : t('certificates.issueButton')}
        </button>
      </p>
    </form>
  );
}
