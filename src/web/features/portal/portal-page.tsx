import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { takeAccountClosed } from '../../components/account-closed.js';
import { useFieldName } from '../../components/labels.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import { PortalFigures } from './portal-figures.js';
import { PortalProjects } from './portal-projects.js';
import { PortalSites } from './portal-sites.js';
import './portal.css';

/** The public front page: what Shanmei is, the service fields (each opens its activities), the sites, and the way in. */
export function PortalPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const fieldName = useFieldName();
  usePageTitle('');
  const [closed] = useState(takeAccountClosed);

  return (
    <div className="page portal">
      {closed && (
        <p className="notice" role="status">
          {t('closeAccount.done')}
        </p>
      )}
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('portal.title')}</h1>
        <p className="hero-lead">{t('portal.lead')}</p>
        <div className="hero-actions">
          {me ? (
            <Link className="button primary" to="/me">
              {t('portal.toMe')}
            </Link>
          ) : (
            <>
              <Link className="button primary" to="/register">
                {t('portal.register')}
              </Link>
              <Link className="button" to="/login">
                {t('portal.login')}
              </Link>
            </>
          )}
          <Link className="button" to="/sites">
            {t('portal.toMap')}
          </Link>
        </div>
      </section>

      <PortalFigures />

      <section aria-labelledby="fields-title" className="section">
        <h2 id="fields-title">{t('portal.fieldsTitle')}</h2>
        <p className="section-lead">{t('portal.fieldsLead')}</p>
        <ul className="field-grid">
          {DEFAULT_FIELDS.map((f) => (
            <li key={f.code} className={`field-card field-${f.code}`}>
              <Link to={`/activities?field=${encodeURIComponent(f.code)}`}>{fieldName(f.code)}</Link>
            </li>
          ))}
        </ul>
      </section>

      <PortalProjects />

      <PortalSites />
    </div>
  );
}
