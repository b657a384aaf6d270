import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { myQualifications, qualificationKinds } from '../../api/profile.api.js';
import { volunteerKeys } from '../../api/volunteers.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { isEnglish } from '../../i18n/i18n.js';

/** The volunteer's verified qualifications (资质) with their expiry; expired ones say so. */
export function MyQualifications({ volunteerId }: { volunteerId: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const q = useQuery({
    queryKey: volunteerKeys.qualifications(volunteerId),
    queryFn: () => myQualifications(volunteerId),
  });
  const kinds = useQuery({
    queryKey: volunteerKeys.qualificationKinds,
    queryFn: qualificationKinds,
    staleTime: Infinity,
  });
  const nameOf = (code: string, fallback: string) => {
    const k = kinds.data?.items.find((x) => x.code === code);
    if (!k) return fallback;
    return isEnglish(i18n.language) ? k.nameEn : k.nameZh;
  };
  // A qualification is valid through its last day, counted on the platform's calendar.
  const now = f.dayOf(Date.now());
  return (
    <section className="card me-section" aria-labelledby="me-qualifications">
      <h2 id="me-qualifications">{t('profile.qualifications.title')}</h2>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data?.items.length === 0 && <p>{t('profile.qualifications.none')}</p>}
      {!!q.data?.items.length && (
        <ul className="qualification-list" data-testid="me-qualifications">
          {q.data.items.map((x) => {
            const expired = x.expiresAt !== null && x.expiresAt < now;
            return (
              <li key={x.id} className={expired ? 'qualification expired' : 'qualification'}>
                <span className="qualification-name">{nameOf(x.kind, x.kindName)}</span>
                <span className="hint">
                  {x.expiresAt
                    ? t('profile.qualifications.until', { date: x.expiresAt })
                    : t('profile.qualifications.noExpiry')}
                </span>
                {expired && (
                  <span className="tag expired-tag" data-testid="qualification-expired">
                    {t('profile.qualifications.expired')}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="hint">{t('profile.qualifications.hint')}</p>
    </section>
  );
}
