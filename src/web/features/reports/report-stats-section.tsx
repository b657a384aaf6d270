import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportKeys, reportStats } from '../../api/reports.api.js';
import { ErrorNotice } from '../../components/status-views.js';

interface Row {
  key: string;
  label: string;
  count: number;
}

/** The reports of the person's scope counted by status, category and region, with handling times. */
export function ReportStatsSection() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: reportKeys.stats(), queryFn: () => reportStats() });
  const s = q.data;
  const hours = (h: number | null) => (h === null ? '—' : t('reports.stats.hours', { hours: h }));
  const table = (caption: string, rows: Row[]) => (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      title={() => caption}
      columns={[
        { title: caption, dataIndex: 'label' },
        { title: t('reports.stats.count'), dataIndex: 'count', align: 'right' },
      ]}
    />
  );
  return (
    <section aria-labelledby="report-stats-title" className="report-stats" data-testid="report-stats">
      <h2 id="report-stats-title">{t('reports.stats.title')}</h2>
      {q.isError && <ErrorNotice error={q.error} />}
      {s && (
        <>
          <p>
            {t('reports.stats.summary', {
              total: s.total,
              closed: s.handling.closed,
              median: hours(s.handling.medianHours),
              average: hours(s.handling.averageHours),
            })}
          </p>
          <div className="report-stats-tables">
            {table(
              t('reports.fields.status'),
              s.byStatus.map((r) => ({ key: r.key, label: t(`reports.status.${r.key}`), count: r.count })),
            )}
            {table(
              t('reports.fields.category'),
              s.byCategory.map((r) => ({ key: r.key, label: t(`reports.category.${r.key}`), count: r.count })),
            )}
            {table(
              t('reports.fields.region'),
              s.byRegion.map((r) => ({ key: r.code, label: r.name, count: r.count })),
            )}
          </div>
        </>
      )}
    </section>
  );
}
