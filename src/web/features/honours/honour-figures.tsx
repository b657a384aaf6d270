import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { honourKeys, honourSummary } from '../../api/honours.api.js';
import { FiguresTable } from '../../components/figures-table.js';
import { ErrorNotice } from '../../components/status-views.js';
import { useFigureFormat } from '../stats/stats-format.js';

/**
 * Honours in a region subtree, counted by level and by what won them (every year; an honour
 * counts where its subject was when it was recorded). Public aggregates.
 */
export function HonourFigures({ regionCode }: { regionCode: string | undefined }) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const q = useQuery({ queryKey: honourKeys.summary(regionCode), queryFn: () => honourSummary(regionCode) });
  if (q.isError) return <ErrorNotice error={q.error} />;
  if (!q.data) return null;
  const s = q.data;
  const count = { title: t('honours.summary.total'), value: (r: { count: number }) => f.count(r.count) };
  return (
    <section aria-labelledby="stats-honours" className="stats-honours" data-testid="stats-honours">
      <h2 id="stats-honours">
        {t('honours.summary.title')} · {f.count(s.total)}
      </h2>
      <div className="stats-charts">
        <FiguresTable
          id="stats-honours-level"
          caption={t('honours.summary.byLevel')}
          rowTitle={t('honours.levelLabel')}
          rows={s.byLevel}
          rowHeader={(r) => (r.level ? t(`honours.level.${r.level}`) : t('honours.summary.unstated'))}
          columns={[count]}
        />
        <FiguresTable
          id="stats-honours-subject"
          caption={t('honours.summary.bySubject')}
          rowTitle={t('honours.summary.subjectLabel')}
          rows={s.bySubjectKind}
          rowHeader={(r) => t(`honours.summary.subject.${r.subjectKind}`)}
          columns={[count]}
        />
      </div>
    </section>
  );
}
