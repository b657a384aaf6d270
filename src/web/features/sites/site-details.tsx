import { useTranslation } from 'react-i18next';
import type { Site } from '../../api/sites.api.js';

/** What a visitor wants to know before going: opening hours, facilities, accessibility (only what is given). */
export function SiteDetails({ site }: { site: Site }) {
  const { t } = useTranslation();
  return (
    <dl className="site-details">
      {site.openingHours && (
        <>
          <dt>{t('sites.openingHours')}</dt>
          <dd>{site.openingHours}</dd>
        </>
      )}
      {site.facilities.length > 0 && (
        <>
          <dt>{t('sites.facilities')}</dt>
          <dd>{site.facilities.join('、')}</dd>
        </>
      )}
      {site.accessibility && (
        <>
          <dt>{t('sites.accessibility')}</dt>
          <dd>{site.accessibility}</dd>
        </>
      )}
    </dl>
  );
}
