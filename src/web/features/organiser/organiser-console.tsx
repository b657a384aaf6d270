import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useCareMode } from '../../components/care-mode.js';
import { Loading } from '../../components/status-views.js';
import { isOrganiser, useSession } from '../auth/use-session.js';
import { ActivityCreatePage } from './activity-create-page.js';
import { OrganiserActivityPage } from './activity-page.js';
import { OrganiserActivitiesPage } from './activities-page.js';
import { MembersPage } from './members-page.js';
import { OrgPicker } from './org-picker.js';
import { RecordsPage } from './records-page.js';
import { ShiftDeskPage } from './shift-desk-page.js';
import './organiser.css';

/** The organiser console (Ant Design), a lazy chunk like the administration console. */
export function OrganiserConsole() {
  const { t, i18n } = useTranslation();
  const [care] = useCareMode();
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!isOrganiser(me)) {
    return (
      <p className="notice error" role="alert">
        {t('errors.FORBIDDEN')}
      </p>
    );
  }
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
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
          colorTextTertiary: care ? '#000' : '#595959',
          colorError: '#cf1322',
        },
      }}
    >
      <AntApp>
        <div className="admin organiser">
          <nav className="admin-nav" aria-label={t('organiser.nav')}>
            <NavLink to="/organiser/activities">{t('organiser.activities.title')}</NavLink>
            <NavLink to="/organiser/records">{t('organiser.records.title')}</NavLink>
            <NavLink to="/organiser/members">{t('organiser.members.title')}</NavLink>
          </nav>
          <div className="admin-content">
            <OrgPicker />
            <Routes>
              <Route index element={<Navigate to="activities" replace />} />
              <Route path="activities" element={<OrganiserActivitiesPage />} />
              <Route path="activities/new" element={<ActivityCreatePage />} />
              <Route path="activities/:id" element={<OrganiserActivityPage />} />
              <Route path="shifts/:id" element={<ShiftDeskPage />} />
              <Route path="records" element={<RecordsPage />} />
              <Route path="members" element={<MembersPage />} />
            </Routes>
          </div>
        </div>
      </AntApp>
    </ConfigProvider>
  );
}
