import { Button, Drawer, Grid, Layout } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useNavigate } from 'react-router';
import type { Me } from '../../common/contract/auth.js';
import { useSession } from '../features/auth/use-session.js';
import { CareModeSwitch } from './care-mode-switch.js';
import { ConsoleTheme } from './console-frame.js';
import { consoleSections, WORKBENCH } from './console-menu.js';
import { ConsoleBreadcrumb, ConsoleMenu } from './console-nav.js';
import { LanguageSwitch } from './language-switch.js';
import { Loading } from './status-views.js';
import { useFocusOnNavigate } from './use-focus-on-navigate.js';
import { useScrollableTables } from './use-scrollable-tables.js';
import './console-layout.css';

const COLLAPSED_KEY = 'shanmei.console.collapsed';

/**
 * The frame of every console (Ant Design Pro's shape): a side menu of the consoles the
 * person's roles open, a top bar with the public site, the switches and logging out,
 * breadcrumbs, and the page. On phone widths the menu folds into a drawer.
 */
export function ConsoleLayout() {
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  return (
    <ConsoleTheme>
      <ConsoleShell me={me} />
    </ConsoleTheme>
  );
}

function ConsoleShell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  useScrollableTables(main, t('console.table'));
  const sections = consoleSections(me);
  // Until the first measure, `md` is undefined: treat that as a wide screen (no drawer flash).
  const phone = Grid.useBreakpoint().md === false;
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === 'on');
  const [drawer, setDrawer] = useState(false);

  const toggle = () => {
    if (phone) return setDrawer(true);
    localStorage.setItem(COLLAPSED_KEY, collapsed ? 'off' : 'on');
    setCollapsed(!collapsed);
  };
  const onLogout = async () => {
    await signOut();
    void navigate('/');
  };
  const brand = (
    <Link to={WORKBENCH.path} className="brand console-brand">
      <span className="brand-mark" aria-hidden="true">
        {t('app.mark')}
      </span>
      <span className="console-brand-name">{t('console.brand')}</span>
    </Link>
  );

  return (
    <Layout className="console-layout">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      {!phone && (
        <Layout.Sider width={224} collapsedWidth={72} collapsed={collapsed} className="console-sider">
          <div className="console-sider-brand">{brand}</div>
          <ConsoleMenu sections={sections} />
        </Layout.Sider>
      )}
      <Layout className="console-body">
        <Layout.Header className="console-header">
          <Button
            className="console-menu-toggle"
            onClick={toggle}
            aria-expanded={phone ? drawer : !collapsed}
            data-testid="console-menu-toggle"
          >
            {phone ? t('console.openMenu') : collapsed ? t('console.expandMenu') : t('console.collapseMenu')}
          </Button>
          {phone && brand}
          <div className="console-tools">
            <Link to="/" className="console-public-link" data-testid="console-public-link">
              {t('console.publicSite')}
            </Link>
            <LanguageSwitch />
            <CareModeSwitch />
            <span className="console-user">{me.user.displayName}</span>
            <button type="button" className="tool-button" onClick={() => void onLogout()}>
              {t('nav.logout')}
            </button>
          </div>
        </Layout.Header>
        <main id="main" ref={main} tabIndex={-1} className="console-main">
          <ConsoleBreadcrumb sections={sections} />
          <Outlet />
        </main>
      </Layout>
      {phone && (
        <Drawer
          open={drawer}
          placement="left"
          size={280}
          title={t('console.menu')}
          onClose={() => setDrawer(false)}
          className="console-drawer"
        >
          <ConsoleMenu sections={sections} onNavigate={() => setDrawer(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
