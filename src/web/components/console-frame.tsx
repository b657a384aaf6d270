import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { Me } from '../../common/contract/auth.js';
import { useSession } from '../features/auth/use-session.js';
import { useCareMode } from './care-mode.js';
import { Loading } from './status-views.js';

/**
 * The gate of one console inside the console layout: the login and role check. A person
 * who may not use this console is told so inside the frame, whose menu offers what they may.
 */
export function ConsoleFrame({ allowed, children }: { allowed: (me: Me) => boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!allowed(me)) {
    return (
      <p className="notice error" role="alert">
        {t('errors.FORBIDDEN')}
      </p>
    );
  }
  return <>{children}</>;
}

/**
 * Ant Design's locale and a theme that follows care mode with AA contrast, around the whole
 * console layout. Only the consoles' lazy chunks import it, so Ant Design stays off first loads.
 */
export function ConsoleTheme({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [care] = useCareMode();
  const motion = !care && !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // Ant Design wraps the tree in a motion provider the first time `motion` differs from its
  // parent's, which remounts every console page (a half-filled form is lost) when care mode is
  // first switched. An outer provider whose motion is the opposite of the inner one's at the
  // start makes the inner one wrap from the first render, whichever mode the page opens in.
  const [outer] = useState(() => ({ token: { motion: !motion } }));
  return (
    <ConfigProvider theme={outer}>
      <ConfigProvider
        locale={i18n.language === 'en' ? enUS : zhCN}
        // Pop-ups (select lists, cascaders, confirmations) open inside <main>, not loose in <body>,
        // so assistive technology finds them within the page's landmarks.
        getPopupContainer={() => document.getElementById('main') ?? document.body}
        theme={{
          token: {
            colorPrimary: '#a8071a',
            fontSize: care ? 20 : 14,
            controlHeight: care ? 48 : 32,
            motion,
            colorText: care ? '#000' : 'rgba(0,0,0,0.88)',
            colorTextSecondary: care ? '#000' : '#595959',
            colorTextPlaceholder: '#6b6b6b',
            colorTextDescription: care ? '#000' : '#595959',
            colorTextTertiary: care ? '#000' : '#595959',
            colorError: '#cf1322',
          },
          components: {
            Layout: { headerBg: '#fff', siderBg: '#fff', bodyBg: '#f5f5f5', headerPadding: '0 16px' },
            Menu: { itemHeight: care ? 56 : 40, subMenuItemBg: '#fff' },
          },
        }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </ConfigProvider>
  );
}
