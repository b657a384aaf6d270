import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../features/auth/use-session.js';

/** The four places a volunteer goes most, each a path of `app-routes.tsx`. */
const TABS = [
  { to: '/activities', label: 'tabBar.activities', icon: 'M4 5h16v15H4zM4 9h16M8 3v4M16 3v4' },
  { to: '/checkin', label: 'tabBar.checkin', icon: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2z' },
  {
    to: '/me/points',
    label: 'tabBar.points',
    icon: 'M12 3l2.6 5.6 6 .7-4.5 4.1 1.2 6L12 16.5 6.7 19.4l1.2-6L3.4 9.3l6-.7z',
  },
  { to: '/me', label: 'tabBar.me', icon: 'M12 12a4 4 0 100-8 4 4 0 000 8zM4 21c0-4 3.6-6.5 8-6.5s8 2.5 8 6.5' },
] as const;

/**
 * The bottom tab bar of phone widths (CSS shows it at ≤ 768 px only), for a logged-in volunteer:
 * plain links, so the keyboard reaches them in order, and the current one is `aria-current="page"`.
 * The layout pads the page by its height (`.app.has-tab-bar`), so nothing hides behind it.
 */
export function TabBar() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me?.user.volunteerId) return null;
  return (
    <nav aria-label={t('tabBar.label')} className="tab-bar" data-testid="tab-bar">
      {TABS.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.to === '/me'} className="tab-bar-item">
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="tab-bar-icon">
            <path d={tab.icon} />
          </svg>
          <span>{t(tab.label)}</span>
        </NavLink>
      ))}
    </nav>
  );
}

/** Whether the tab bar shows for this session (the layout then leaves room for it). */
export function useHasTabBar(): boolean {
  return !!useSession().me?.user.volunteerId;
}
