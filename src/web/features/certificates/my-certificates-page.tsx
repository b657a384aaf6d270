import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import {
  certificateKeys,
  certificatePdfUrl,
  listCertificates,
  type CertificateSummary,
} from '../../api/certificates.api.js';
import { LoadMore } from '../../components/load-more.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { IssueForm } from './issue-form.js';

/** My service certificates (志愿服务证明): issue one for a period, and download those issued. */
export function MyCertificatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('certificates.title'));
  const { me, loading } = useSession();
  const volunteerId = me?.user.volunteerId ?? '';
  const q = useCursorPages(certificateKeys.mine(volunteerId), (cursor) => listCertificates({ cursor }), !!volunteerId);
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!volunteerId) return <p className="notice">{t('activities.volunteersOnly')}</p>;
  return (
    <div className="page narrow certificates-page">
      <h1>{t('certificates.title')}</h1>
      <p>
        <Link to="/me">{t('records.toMe')}</Link>
      </p>
      <IssueForm volunteerId={volunteerId} />
      <h2>{t('certificates.list')}</h2>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.isSuccess && q.rows.length === 0 && <p>{t('certificates.none')}</p>}
      <ul className="card-list">
        {q.rows.map((c) => (
          <CertificateItem key={c.code} c={c} />
        ))}
      </ul>
      <LoadMore query={q} label={t('activities.loadMore')} />
    </div>
  );
}

function CertificateItem({ c }: { c: CertificateSummary }) {
  const { t } = useTranslation();
  const headingId = `certificate-${c.code}`;
  return (
    <li className="card" data-testid="certificate-item" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('certificates.serial', { serial: c.serial })}</h3>
      <p>
        {t('certificates.period', { from: c.from, to: c.to })} · {c.organisationName} ·{' '}
        <strong>{t('records.hours', { hours: c.totalHours.toFixed(1) })}</strong>
      </p>
      <p className="hint">{t('certificates.issuedOn', { date: c.issuedOn, issuer: c.issuerName })}</p>
      <p>
        <a className="button" href={certificatePdfUrl(c.code)} download>
          {t('certificates.download')}
        </a>{' '}
        <Link to={`/verify/${c.code}`}>{t('certificates.verifyLink')}</Link>
      </p>
    </li>
  );
}
