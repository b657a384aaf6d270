import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { certificateKeys, verifyCertificate, type CertificateVerification } from '../../api/certificates.api.js';
import { ApiError } from '../../api/http-client.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';

/** The public verification page (/verify/:code) the certificate's QR code points to: no login. */
export function VerifyPage() {
  const { t } = useTranslation();
  usePageTitle(t('certificates.verifyTitle'));
  const code = useParams().code ?? '';
  const q = useQuery({
    queryKey: certificateKeys.verify(code),
    queryFn: () => verifyCertificate(code),
    retry: false,
  });
  return (
    <div className="page narrow verify-page">
      <h1>{t('certificates.verifyTitle')}</h1>
      {q.isPending && <Loading />}
      {q.isError &&
        (q.error instanceof ApiError && q.error.status === 404 ? (
          <p className="notice error" role="alert" data-testid="verify-unknown">
            {t('certificates.unknownCode')}
          </p>
        ) : (
          <ErrorNotice error={q.error} />
        ))}
      {q.isSuccess && <Verified v={q.data} />}
    </div>
  );
}

function Verified({ v }: { v: CertificateVerification }) {
  const { t } = useTranslation();
  return (
    <>
      {v.revokedRecords > 0 ? (
        <p className="notice error" role="alert" data-testid="verify-revoked">
          {t('certificates.revokedSince', { count: v.revokedRecords })}
        </p>
      ) : (
        <p className="notice" data-testid="verify-genuine">
          {t('certificates.genuine')}
        </p>
      )}
      <dl className="facts">
        <dt>{t('certificates.serialLabel')}</dt>
        <dd>{v.serial}</dd>
        <dt>{t('certificates.volunteer')}</dt>
        <dd>{v.volunteerName}</dd>
        <dt>{t('certificates.idNumber')}</dt>
        <dd>
          {t(`idType.${v.idType}`)} {v.idNumberMasked}
        </dd>
        <dt>{t('me.volunteerCode')}</dt>
        <dd>{v.volunteerCode}</dd>
        <dt>{t('certificates.organisation')}</dt>
        <dd>{v.organisationName}</dd>
        <dt>{t('certificates.responsible')}</dt>
        <dd>{v.responsibleName ?? '—'}</dd>
        <dt>{t('certificates.issuer')}</dt>
        <dd>{v.issuerName}</dd>
        <dt>{t('certificates.periodLabel')}</dt>
        <dd>{t('certificates.period', { from: v.from, to: v.to })}</dd>
        <dt>{t('certificates.issuedOnLabel')}</dt>
        <dd>{v.issuedOn}</dd>
        <dt>{t('certificates.total')}</dt>
        <dd>{t('records.hours', { hours: v.totalHours.toFixed(1) })}</dd>
      </dl>
      <table className="figures">
        <caption>{t('certificates.records')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('certificates.date')}</th>
            <th scope="col">{t('certificates.activity')}</th>
            <th scope="col">{t('certificates.content')}</th>
            <th scope="col">{t('certificates.hours')}</th>
            <th scope="col">{t('certificates.status')}</th>
          </tr>
        </thead>
        <tbody>
          {v.records.map((r, i) => (
            <tr key={i}>
              <td>{r.date}</td>
              <td>{r.activity}</td>
              <td>{r.content}</td>
              <td>{r.hours}</td>
              <td>{r.revoked ? t('certificates.recordRevoked') : t('certificates.recordStands')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
