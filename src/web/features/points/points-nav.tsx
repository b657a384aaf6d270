import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** Switches between my points, my redemptions and my member code. */
export function PointsNav() {
  const { t } = useTranslation();
  return (
    <nav className="points-nav" aria-label={t('points.nav')}>
      <NavLink to="/me/points" end>
        {t('points.statementTab')}
      </NavLink>
      <NavLink to="/me/redemptions">{t('points.redemptionsTab')}</NavLink>
      <NavLink to="/me/code">{t('points.codeTab')}</NavLink>
    </nav>
  );
}
