import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout.js';
import { NotFoundPage } from './components/not-found-page.js';
import { RouteError } from './components/route-error.js';

/**
 * Every page is its own chunk; the consoles (Ant Design) and their frame are never part of
 * the portal or volunteer first load. A page that fails (or whose chunk cannot load) shows
 * an error inside the layout, so the header and its switches stay usable.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    Component: AppLayout,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./features/portal/portal-page.js')).PortalPage }),
          },
          {
            path: 'sites',
            lazy: async () => ({ Component: (await import('./features/sites/sites-map-page.js')).SitesMapPage }),
          },
          {
            path: 'sites/:id',
            lazy: async () => ({ Component: (await import('./features/sites/site-page.js')).SitePage }),
          },
          {
            path: 'login',
            lazy: async () => ({ Component: (await import('./features/auth/login-page.js')).LoginPage }),
          },
          {
            path: 'password-reset',
            lazy: async () => ({
              Component: (await import('./features/auth/password-reset-page.js')).PasswordResetPage,
            }),
          },
          {
            path: 'register',
            lazy: async () => ({ Component: (await import('./features/volunteers/register-page.js')).RegisterPage }),
          },
          { path: 'me', lazy: async () => ({ Component: (await import('./features/volunteers/me-page.js')).MePage }) },
          {
            path: 'me/profile',
            lazy: async () => ({ Component: (await import('./features/volunteers/profile-page.js')).ProfilePage }),
          },
          {
            path: 'me/teams',
            lazy: async () => ({ Component: (await import('./features/volunteers/my-teams-page.js')).MyTeamsPage }),
          },
          {
            path: 'me/tokens',
            lazy: async () => ({ Component: (await import('./features/account/api-tokens-page.js')).ApiTokensPage }),
          },
          {
            path: 'me/notifications',
            lazy: async () => ({
              Component: (await import('./features/volunteers/notification-settings-page.js')).NotificationSettingsPage,
            }),
          },
          {
            path: 'activities',
            lazy: async () => ({
              Component: (await import('./features/activities/activity-list-page.js')).ActivityListPage,
            }),
          },
          {
            path: 'activities/:id',
            lazy: async () => ({
              Component: (await import('./features/activities/activity-detail-page.js')).ActivityDetailPage,
            }),
          },
          {
            path: 'projects/:id',
            lazy: async () => ({ Component: (await import('./features/projects/project-page.js')).ProjectPage }),
          },
          {
            path: 'stories',
            lazy: async () => ({ Component: (await import('./features/stories/stories-page.js')).StoriesPage }),
          },
          {
            path: 'stories/tip',
            lazy: async () => ({ Component: (await import('./features/stories/story-tip-page.js')).StoryTipPage }),
          },
          {
            path: 'stories/:id',
            lazy: async () => ({ Component: (await import('./features/stories/story-page.js')).StoryPage }),
          },
          {
            path: 'organisations/:id',
            lazy: async () => ({
              Component: (await import('./features/organisations/organisation-page.js')).OrganisationPage,
            }),
          },
          {
            path: 'me/shifts',
            lazy: async () => ({ Component: (await import('./features/activities/my-shifts-page.js')).MyShiftsPage }),
          },
          {
            path: 'me/records',
            lazy: async () => ({ Component: (await import('./features/records/my-records-page.js')).MyRecordsPage }),
          },
          {
            path: 'me/certificates',
            lazy: async () => ({
              Component: (await import('./features/certificates/my-certificates-page.js')).MyCertificatesPage,
            }),
          },
          {
            path: 'verify/:code',
            lazy: async () => ({ Component: (await import('./features/certificates/verify-page.js')).VerifyPage }),
          },
          {
            path: 'me/code',
            lazy: async () => ({ Component: (await import('./features/checkin/member-code-page.js')).MemberCodePage }),
          },
          {
            path: 'checkin',
            lazy: async () => ({ Component: (await import('./features/checkin/checkin-page.js')).CheckinPage }),
          },
          {
            path: 'inbox',
            lazy: async () => ({ Component: (await import('./features/inbox/inbox-page.js')).InboxPage }),
          },
          {
            path: 'me/points',
            lazy: async () => ({ Component: (await import('./features/points/my-points-page.js')).MyPointsPage }),
          },
          {
            path: 'me/redemptions',
            lazy: async () => ({
              Component: (await import('./features/points/my-redemptions-page.js')).MyRedemptionsPage,
            }),
          },
          {
            path: 'needs',
            lazy: async () => ({ Component: (await import('./features/needs/my-needs-page.js')).MyNeedsPage }),
          },
          {
            path: 'needs/new',
            lazy: async () => ({ Component: (await import('./features/needs/need-post-page.js')).NeedPostPage }),
          },
          {
            path: 'needs/:id',
            lazy: async () => ({ Component: (await import('./features/needs/need-page.js')).NeedPage }),
          },
          {
            path: 'reports',
            lazy: async () => ({ Component: (await import('./features/reports/my-reports-page.js')).MyReportsPage }),
          },
          {
            path: 'reports/new',
            lazy: async () => ({
              Component: (await import('./features/reports/report-post-page.js')).ReportPostPage,
            }),
          },
          {
            path: 'reports/:id',
            lazy: async () => ({ Component: (await import('./features/reports/report-page.js')).ReportPage }),
          },
          {
            path: 'me/team-needs',
            lazy: async () => ({ Component: (await import('./features/needs/team-needs-page.js')).TeamNeedsPage }),
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },

  {
    // The big screen (数据大屏): a full-screen public page for a wall display, in its own dark frame.
    path: 'screen/:regionCode?',
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('./features/screen/screen-page.js')).ScreenPage }),
  },

  {
    // The consoles (Ant Design) stand in their own frame: side menu, breadcrumbs, workbench.
    lazy: async () => ({ Component: (await import('./components/console-layout.js')).ConsoleLayout }),
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          {
            path: 'console',
            lazy: async () => ({
              Component: (await import('./features/workbench/workbench-page.js')).WorkbenchPage,
            }),
          },
          {
            path: 'organiser/*',
            lazy: async () => ({
              Component: (await import('./features/organiser/organiser-console.js')).OrganiserConsole,
            }),
          },
          {
            path: 'counter/*',
            lazy: async () => ({ Component: (await import('./features/counter/counter-console.js')).CounterConsole }),
          },
          {
            path: 'site/*',
            lazy: async () => ({
              Component: (await import('./features/site-manager/site-manager-console.js')).SiteManagerConsole,
            }),
          },
          {
            path: 'admin/*',
            lazy: async () => ({ Component: (await import('./features/admin/admin-console.js')).AdminConsole }),
          },
        ],
      },
    ],
  },
]);
