import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ConsoleFrame } from '../../components/console-frame.js';
import { Loading } from '../../components/status-views.js';
import { isAdmin, useSession } from '../auth/use-session.js';
import { NeedsBoardPage } from '../needs/needs-board-page.js';
import { regionRoots } from '../needs/need-steps.js';
import { AuditPage } from './audit-page.js';
import { DataTransferPage } from './data-transfer-page.js';
import { OrganisationsAdminPage } from './organisations-admin-page.js';
import { RegionsAdminPage } from './regions-admin-page.js';
import { RolesAdminPage } from './roles-admin-page.js';
import { SitesAdminPage } from './sites-admin-page.js';
import { VolunteersAdminPage } from './volunteers-admin-page.js';

// Point rules and adjustments are their own chunk, fetched when an admin opens them.
const PointRulesPage = lazy(async () => ({
  default: (await import('../point-rules/point-rules-page.js')).PointRulesPage,
}));
const AdjustmentPage = lazy(async () => ({
  default: (await import('../point-rules/adjustment-page.js')).AdjustmentPage,
}));
// Statistics bring ECharts: their own chunk, fetched when an admin opens them.
const StatsPage = lazy(() => import('../stats/stats-page.js'));
// Departments' plans: their own chunk too.
const PlansPage = lazy(async () => ({ default: (await import('../plans/plans-page.js')).PlansPage }));
const PlanPage = lazy(async () => ({ default: (await import('../plans/plan-page.js')).PlanPage }));
// Reports (随手拍): the queue and answers, and the routing rules.
const ReportsConsolePage = lazy(async () => ({
  default: (await import('../reports/reports-console-page.js')).ReportsConsolePage,
}));
const RoutingRulesPage = lazy(async () => ({
  default: (await import('../reports/routing-rules-page.js')).RoutingRulesPage,
}));
const PlanOverviewPage = lazy(async () => ({
  default: (await import('../plans/plan-overview-page.js')).PlanOverviewPage,
}));

/** The administration console (Ant Design), loaded only when an admin opens it; the frame's menu lists its pages. */
export function AdminConsole() {
  const { me } = useSession();
  return (
    <ConsoleFrame allowed={isAdmin}>
      <div className="admin">
        <div className="admin-content">
          <Routes>
            <Route index element={<Navigate to="regions" replace />} />
            <Route path="regions" element={<RegionsAdminPage />} />
            <Route path="organisations" element={<OrganisationsAdminPage />} />
            <Route path="sites" element={<SitesAdminPage />} />
            <Route path="volunteers" element={<VolunteersAdminPage />} />
            <Route path="roles" element={<RolesAdminPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="data" element={<DataTransferPage />} />
            <Route path="needs" element={<NeedsBoardPage roots={regionRoots(me)} />} />
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
            {(
              [
                ['plans', <PlansPage key="plans" />],
                ['plans/:id', <PlanPage key="plan" />],
                ['plan-overview', <PlanOverviewPage key="overview" />],
                ['reports', <ReportsConsolePage key="reports" />],
                ['report-routes', <RoutingRulesPage key="report-routes" />],
              ] as const
            ).map(([path, page]) => (
              <Route key={path} path={path} element={<Suspense fallback={<Loading />}>{page}</Suspense>} />
            ))}
            <Route
              path="statistics"
              element={
                <Suspense fallback={<Loading />}>
                  <StatsPage />
                </Suspense>
              }
            />
          </Routes>
        </div>
      </div>
    </ConsoleFrame>
  );
}
