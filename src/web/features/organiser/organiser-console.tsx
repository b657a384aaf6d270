import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ConsoleFrame } from '../../components/console-frame.js';
import { OrganiserCertificatesPage } from '../certificates/organiser-certificates-page.js';
import { Loading } from '../../components/status-views.js';
import { isOrganiser } from '../auth/use-session.js';
import { ActivityCreatePage } from './activity-create-page.js';
import { OrganiserActivityPage } from './activity-page.js';
import { OrganiserActivitiesPage } from './activities-page.js';
import { MembersPage } from './members-page.js';
import { OrgPicker } from './org-picker.js';
import { RecordsPage } from './records-page.js';
import { ShiftDeskPage } from './shift-desk-page.js';
import { ConsoleStoriesPage } from '../stories/console-stories-page.js';
import { StoryEditorPage } from '../stories/story-editor-page.js';
import { StoryReviewDetailPage, StoryReviewPage } from '../stories/story-review-page.js';
import { StoryTipsPage } from '../stories/story-tips-page.js';
import './organiser.css';

// Reports (随手拍) routed to the organisation: their own chunk, fetched when opened.
const ReportsConsolePage = lazy(async () => ({
  default: (await import('../reports/reports-console-page.js')).ReportsConsolePage,
}));

/** The organiser console (Ant Design), a lazy chunk like the administration console; the frame's menu lists its pages. */
export function OrganiserConsole() {
  return (
    <ConsoleFrame allowed={isOrganiser}>
      <div className="admin organiser">
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
            <Route path="certificates" element={<OrganiserCertificatesPage />} />
            <Route path="stories" element={<ConsoleStoriesPage />} />
            <Route path="stories/:id" element={<StoryEditorPage />} />
            <Route path="story-review" element={<StoryReviewPage />} />
            <Route path="story-review/:id" element={<StoryReviewDetailPage />} />
            <Route path="story-tips" element={<StoryTipsPage />} />
            <Route
              path="reports"
              element={
                <Suspense fallback={<Loading />}>
                  <ReportsConsolePage />
                </Suspense>
              }
            />
          </Routes>
        </div>
      </div>
    </ConsoleFrame>
  );
}
