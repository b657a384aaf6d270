import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { ConsoleFrame } from '../../components/console-frame.js';
import { Loading } from '../../components/status-views.js';
import { CounterPage } from './counter-page.js';
import { GoodsPage } from './goods-page.js';
import { ReportPage } from './report-page.js';
import { SiteRedemptionsPage } from './site-redemptions-page.js';
import { SitePicker } from './site-picker.js';
import { isCounterStaff } from './counter-roles.js';
import { useCurrentSupermarket } from './use-supermarkets.js';
import './counter.css';

const SECTIONS = ['redeem', 'goods', 'redemptions', 'report'] as const;

/** The points supermarket counter (Ant Design, a lazy chunk): redeem, goods and stock, history, day report. */
export function CounterConsole() {
  return (
    <ConsoleFrame allowed={isCounterStaff}>
      <CounterShell />
    </ConsoleFrame>
  );
}

function CounterShell() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [site, , pending] = useCurrentSupermarket();
  return (
    <div className="admin counter">
      <nav className="admin-nav" aria-label={t('counter.nav')}>
        {SECTIONS.map((s) => (
          <NavLink key={s} to={{ pathname: `/counter/${s}`, search }}>
            {t(`counter.${s}.title`)}
          </NavLink>
        ))}
      </nav>
      <div className="admin-content">
        <SitePicker />
        {!site && pending && <Loading />}
        {!site && !pending && (
          <>
            <h1>{t('counter.navLink')}</h1>
            <p className="notice">{t('counter.noSupermarket')}</p>
          </>
        )}
        {site && (
          <Routes>
            <Route index element={<Navigate to={{ pathname: 'redeem', search }} replace />} />
            <Route path="redeem" element={<CounterPage key={site.id} siteId={site.id} />} />
            <Route path="goods" element={<GoodsPage key={site.id} siteId={site.id} />} />
            <Route path="redemptions" element={<SiteRedemptionsPage key={site.id} siteId={site.id} />} />
            <Route path="report" element={<ReportPage key={site.id} siteId={site.id} />} />
          </Routes>
        )}
      </div>
    </div>
  );
}
