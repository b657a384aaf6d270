import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { getNeedStats, type NeedStats } from '../../api/stats.api.js';
import { ErrorNotice } from '../../components/status-views.js';

type SiteRow = NeedStats['bySite'][number];

/**
 * The needs' statistics of a region this year (GET /stats/needs), by the site that handled them:
 * needs posted, rated, and the share rated 4 or 5.
 */
export function NeedStatsSection({ regionCode }: { regionCode: string | undefined }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['stats', 'needs', regionCode],
    queryFn: () => getNeedStats({ regionCode: regionCode ?? '' }),
    enabled: !!regionCode,
  });
  const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
  return (
    <section aria-labelledby="need-stats-title" className="need-stats" data-testid="need-stats">
      <h2 id="need-stats-title">{t('needs.stats.title')}</h2>
      {!regionCode && <p className="hint">{t('needs.stats.pickRegion')}</p>}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data && (
        <>
          <p>
            {t('needs.stats.summary', {
              region: q.data.regionName,
              total: q.data.total,
              rate: rate(q.data.satisfactionRate),
            })}
          </p>
          <Table<SiteRow>
            rowKey={(r) => r.siteId ?? 'none'}
            size="small"
            pagination={false}
            dataSource={q.data.bySite}
            locale={{ emptyText: t('needs.stats.none') }}
            onRow={() => ({ 'data-testid': 'need-stats-site' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('needs.stats.site'),
                key: 'site',
                render: (_: unknown, r: SiteRow) => r.name ?? t('needs.stats.noSite'),
              },
              { title: t('needs.stats.total'), dataIndex: 'total' },
              { title: t('needs.stats.rated'), dataIndex: 'rated' },
              {
                title: t('needs.stats.satisfaction'),
                key: 'rate',
                render: (_: unknown, r: SiteRow) => rate(r.satisfactionRate),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
