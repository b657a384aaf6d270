import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useCareMode } from '../../components/care-mode.js';
import { Loading } from '../../components/status-views.js';
import { isAdmin, useSession } from '../auth/use-session.js';
import { OrganisationsAdminPage } from './organisations-admin-page.js';
import { RegionsAdminPage } from './regions-admin-page.js';
import { RolesAdminPage } from './roles-admin-page.js';
import { SitesAdminPage } from './sites-admin-page.js';

const SECTIONS = ['regions', 'organisations', 'sites', 'roles'] as const;

// Point rules and adjustments are their own chunk, fetched when an admin opens them.
const PointRulesPage = lazy(async () => ({
  default: (await import('../point-rules/point-rules-page.js')).PointRulesPage,
}));
const AdjustmentPage = lazy(async () => ({
  default: (await import('../point-rules/adjustment-page.js')).AdjustmentPage,
}));

/** The administration console (Ant Design), loaded only when an admin opens it. */
export function AdminConsole() {
  const { t, i18n } = useTranslation();
  const [care] = useCareMode();
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!isAdmin(me)) {
    return (
      <p className="notice error" role="alert">
        {t('errors.FORBIDDEN')}
      </p>
    );
  }
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      // Pop-ups (select lists, cascaders, confirmations) open inside <main>, not loose in <body>,
      // so assistive technology finds them within the page's landmarks.
      getPopupContainer={() => document.getElementById('main') ?? document.body}
      theme={{
        token: {
          colorPrimary: '#a8071a',
          fontSize: care ? 20 : 14,
          controlHeight: care ? 48 : 32,
          motion: !care && !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
          colorText: care ? '#000' : 'rgba(0,0,0,0.88)',
          colorTextSecondary: care ? '#000' : '#595959',
          colorTextPlaceholder: '#6b6b6b',
          colorTextDescription: care ? '#000' : '#595959',
        },
      }}
    >
      <AntApp>
        <div className="admin">
          <nav className="admin-nav" aria-label={t('admin.nav')}>
            {SECTIONS.map((s) => (
              <NavLink key={s} to={`/admin/${s}`}>
                {t(`admin.${s}.title`)}
              </NavLink>
            ))}
            <NavLink to="/admin/point-rules">{t('pointRules.title')}</NavLink>
            <NavLink to="/admin/point-adjustments">{t('pointRules.adjust.title')}</NavLink>
            <NavLink to="/counter">{t('counter.navLink')}</NavLink>
          </nav>
          <div className="admin-content">
            <Routes>
              <Route index element={<Navigate to="regions" replace />} />
              <Route path="regions" element={<RegionsAdminPage />} />
              <Route path="organisations" element={<OrganisationsAdminPage />} />
              <Route path="sites" element={<SitesAdminPage />} />
              <Route path="roles" element={<RolesAdminPage />} />
              <Route
                path="point-rules"
                element={
                  <Suspense fallback={<Loading />}>
                    <PointRulesPage />
                  </Suspense>
                }
              />
              <Route
                path="point-adjustments"
                element={
                  <Suspense fallback={<Loading />}>
                    <AdjustmentPage />
                  </Suspense>
                }
              />
            </Routes>
          </div>
        </div>
      </AntApp>
    </ConfigProvider>
  );
}
