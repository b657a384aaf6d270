import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../api/projects.api.js';

/** The honours a brand project won, as a plain list ("全国志愿服务优秀项目 · 2024 · 中央文明办"). */
export function HonourList({ honours }: { honours: ProjectSummary['honours'] }) {
  const { t } = useTranslation();
  if (honours.length === 0) return null;
  return (
    <ul className="honours" aria-label={t('projects.honours')}>
      {honours.map((h, i) => (
        <li key={`${h.title}-${i}`}>
          {[h.title, h.year, h.awardedBy].filter((x) => x !== undefined && x !== '').join(' · ')}
        </li>
      ))}
    </ul>
  );
}
