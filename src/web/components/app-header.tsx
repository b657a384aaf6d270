import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { isAdmin, useSession } from '../features/auth/use-session.js';
import { CareModeSwitch } from './care-mode-switch.js';
import { LanguageSwitch } from './language-switch.js';

export function AppHeader() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const navigate = useNavigate();

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
          <NavLink to="/sites">{t('nav.sites')}</NavLink>
          {me && <NavLink to="/me">{t('nav.me')}</NavLink>}
          {isAdmin(me) && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
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
