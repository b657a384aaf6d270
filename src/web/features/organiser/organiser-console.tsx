import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { ConsoleFrame } from '../../components/console-frame.js';
import { isOrganiser } from '../auth/use-session.js';
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
  const { t } = useTranslation();
  return (
    <ConsoleFrame allowed={isOrganiser}>
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
    </ConsoleFrame>
  );
}
