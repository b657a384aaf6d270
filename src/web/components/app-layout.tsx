import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppHeader } from './app-header.js';
import { TabBar, useHasTabBar } from './tab-bar.js';
import { useFocusOnNavigate } from './use-focus-on-navigate.js';

/**
 * Skip link, header with the switches, the page in <main>, a footer: the same on every page; and for a
 * volunteer on a phone, the bottom tab bar.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  const tabBar = useHasTabBar();

  return (
    <div className={tabBar ? 'app has-tab-bar' : 'app'}>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>{t('layout.footer')}</p>
      </footer>
      <TabBar />
    </div>
  );
}
