import { useQuery } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  reportKeys,
  reportStats,
  reportStatsXlsxUrl,
  type ReportStatsFilter,
  type ReportStatsSource,
} from '../../api/reports.api.js';
import { ErrorNotice } from '../../components/status-views.js';
import { useFigureFormat } from '../stats/stats-format.js';

interface Row {
  key: string;
  label: string;
  count: number;
}

/**
 * Reports counted by status, category and region, with handling times, and the same as .xlsx:
 * in the person's scope on the reports console (`scoped`), or in public aggregates for the
 * region and period chosen on the statistics page (`public`).
 */
export function ReportStatsSection({
  source = 'scoped',
  filter = {},
  lead,
}: {
  source?: ReportStatsSource;
  filter?: ReportStatsFilter;
  /** A sentence under the heading saying what is counted. */
  lead?: string;
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const q = useQuery({ queryKey: reportKeys.stats(source, filter), queryFn: () => reportStats(source, filter) });
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
        { title: t('reports.stats.count'), dataIndex: 'count', align: 'right', render: (n: number) => f.count(n) },
      ]}
    />
  );
  return (
    <section aria-labelledby="report-stats-title" className="report-stats" data-testid="report-stats">
      <h2 id="report-stats-title">{t('reports.stats.title')}</h2>
      {lead && <p>{lead}</p>}
      {q.isError && <ErrorNotice error={q.error} />}
      {s && (
        <>
          <p>
            {t('reports.stats.summary', {
              total: f.count(s.total),
              closed: f.count(s.handling.closed),
              median: hours(s.handling.medianHours),
              average: hours(s.handling.averageHours),
            })}
          </p>
          <Button href={reportStatsXlsxUrl(source, filter)} download data-testid="report-stats-export">
            {t('reports.stats.exportXlsx')}
          </Button>
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
