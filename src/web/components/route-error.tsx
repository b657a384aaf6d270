import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { usePageTitle } from './use-page-title.js';

/** What a page that failed to load or render shows instead, in the UI language. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle(t('routeError.title'));
  // A chunk from an older build is gone after a deployment: reloading fetches the new one.
  const stale =
    error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <section className="page narrow" aria-labelledby="route-error-title">
      <h1 id="route-error-title">{t('routeError.title')}</h1>
      <p role="alert">{stale ? t('routeError.stale') : t('routeError.text')}</p>
      <p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </button>{' '}
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
