import { Select } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { ConsoleFrame } from '../../components/console-frame.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { NeedsBoardPage } from '../needs/needs-board-page.js';
import { SiteCalendarPage } from './site-calendar-page.js';
import { SiteDetailsForm } from './site-details-form.js';
import { managesSite } from './site-manager-roles.js';
import { useManagedSite } from './use-managed-site.js';
import './site-manager.css';

/** The site manager's console (Ant Design, a lazy chunk): my site's details and its calendar, listed in the frame's menu. */
export function SiteManagerConsole() {
  return (
    <ConsoleFrame allowed={managesSite}>
      <SiteManagerShell />
    </ConsoleFrame>
  );
}

function SiteManagerShell() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const pickerId = useId();
  const { sites, current, choose, pending, error } = useManagedSite();
  usePageTitle(current ? t('siteManager.title', { name: current.name }) : t('siteManager.console'));
  return (
    <div className="admin site-manager">
      <div className="site-manager-head">
        <h1 data-testid="site-manager-title">{current?.name ?? t('siteManager.console')}</h1>
        {current && <span className="site-manager-type">{t(`siteType.${current.type}`)}</span>}
        {current?.type === 'supermarket' && (
          <Link
            to={{ pathname: '/counter', search: `?site=${encodeURIComponent(current.id)}` }}
            data-testid="to-counter"
          >
            {t('siteManager.toCounter')}
          </Link>
        )}
      </div>
      {sites.length > 1 && current && (
        <div className="site-manager-picker">
          <label htmlFor={pickerId}>{t('siteManager.pick')}</label>
          <Select
            id={pickerId}
            style={{ minWidth: 280 }}
            value={current.id}
            onChange={(v: string) => choose(v)}
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
          />
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      {!current && pending && <Loading />}
      {current && (
        <Routes>
          <Route index element={<Navigate to={{ pathname: 'details', search }} replace />} />
          <Route path="details" element={<SiteDetailsForm key={current.id} site={current} />} />
          <Route path="calendar" element={<SiteCalendarPage key={current.id} siteId={current.id} />} />
          <Route path="needs" element={<NeedsBoardPage key={current.id} roots={[current.regionCode]} />} />
        </Routes>
      )}
    </div>
  );
}
