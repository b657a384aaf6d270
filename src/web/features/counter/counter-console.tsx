import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { useCareMode } from '../../components/care-mode.js';
import { Loading } from '../../components/status-views.js';
import { useSession } from '../auth/use-session.js';
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
  const { t, i18n } = useTranslation();
  const [care] = useCareMode();
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!isCounterStaff(me)) {
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
        <CounterShell />
      </AntApp>
    </ConfigProvider>
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
        {!site && !pending && <p className="notice">{t('counter.noSupermarket')}</p>}
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
