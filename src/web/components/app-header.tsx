import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { useSession } from '../features/auth/use-session.js';
import { useUnreadCount } from '../features/inbox/use-unread.js';
import { CareModeSwitch } from './care-mode-switch.js';
import { hasConsole } from './console-menu.js';
import { LanguageSwitch } from './language-switch.js';

export function AppHeader() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const volunteer = !!me?.user.volunteerId;

  const onLogout = async () => {
    await signOut();
    void navigate('/');
  };

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            {t('app.mark')}
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <nav aria-label={t('layout.mainNav')} className="main-nav">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/activities">{t('nav.activities')}</NavLink>
          <NavLink to="/sites">{t('nav.sites')}</NavLink>
          <NavLink to="/stories">{t('nav.stories')}</NavLink>
          {volunteer && <NavLink to="/me/shifts">{t('nav.myShifts')}</NavLink>}
          {volunteer && <NavLink to="/checkin">{t('nav.checkin')}</NavLink>}
          {volunteer && <NavLink to="/me/points">{t('points.navLink')}</NavLink>}
          {me && (
            <NavLink to="/needs" data-testid="needs-link">
              {t('nav.needs')}
            </NavLink>
          )}
          {me && (
            <NavLink to="/reports" data-testid="reports-link">
              {t('nav.reports')}
            </NavLink>
          )}
          {me && (
            <NavLink to="/inbox" data-testid="inbox-link">
              {t('nav.inbox')}
              {unread > 0 && (
                <>
                  <span className="badge" aria-hidden="true" data-testid="unread-badge">
                    {unread > 99 ? '99+' : unread}
                  </span>
                  <span className="sr-only">{t('nav.unread', { count: unread })}</span>
                </>
              )}
            </NavLink>
          )}
          {me && (
            <NavLink to="/me" end>
              {t('nav.me')}
            </NavLink>
          )}
          {hasConsole(me) && (
            <NavLink to="/console" data-testid="console-link">
              {t('console.workbench')}
            </NavLink>
          )}
          {!me && <NavLink to="/login">{t('nav.login')}</NavLink>}
          {!me && <NavLink to="/register">{t('nav.register')}</NavLink>}
          {me && (
            <button type="button" className="link-button" onClick={() => void onLogout()}>
              {t('nav.logout')}
            </button>
          )}
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          <CareModeSwitch />
        </div>
      </div>
    </header>
  );
}
