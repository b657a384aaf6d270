import { useTranslation } from 'react-i18next';
import type { StatsProjects } from '../../api/stats.api.js';
import { useFigureFormat } from '../stats/stats-format.js';
import { Ranking } from './screen-ranking.js';

/** The brand projects with the most service hours, with their participations beside the hours. */
export function ProjectRanking({ projects }: { projects: StatsProjects }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  if (projects.items.length === 0) return <p className="screen-empty">{t('screen.noData')}</p>;
  return (
    <Ranking
      label={t('screen.projects.title')}
      testId="screen-projects"
      className="screen-projects"
      items={projects.items.map((p) => ({
        key: p.projectId,
        name: p.name,
        value: p.hours,
        shown: t('screen.projects.figures', {
          hours: f.hours(p.hours),
          participations: f.count(p.participations),
        }),
      }))}
    />
  );
}
