import { useQuery } from '@tanstack/react-query';
import { Input, Table } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayReport, exportUrl, supermarketKeys, type Report } from '../../api/supermarkets.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';

type GoodsLine = Report['goods'][number];

/** One day at the counter (redemptions, points, units per goods, stock in and out) and the .xlsx exports. */
export function ReportPage({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('counter.report.title'));
  const dateId = useId();
  const fromId = useId();
  const toId = useId();
  const f = useFormat();
  // Today is the platform's day (Chongqing's), whatever zone the counter's device runs on.
  const today = f.dayOf(Date.now());
  const [picked, setDate] = useState<string | null>(null);
  const date = picked ?? today;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const q = useQuery({
    queryKey: supermarketKeys.dayReport(siteId, date),
    queryFn: () => dayReport(siteId, date),
    enabled: valid,
  });
  const r = q.data;
  const figures: [string, number][] = r
    ? [
        ['redemptions', r.redemptions],
        ['points', r.points],
        ['reversed', r.reversed],
        ['stockIn', r.stockIn],
        ['stockOut', r.stockOut],
      ]
    : [];
  return (
    <div className="admin-split">
      <section className="admin-panel wide" aria-labelledby="report-title">
        <h1 id="report-title">{t('counter.report.title')}</h1>
        <div className="counter-date">
          <label htmlFor={dateId}>{t('counter.report.date')}</label>
          <Input
            id={dateId}
            type="date"
            value={date}
            max={today}
            onChange={(e) => setDate(e.target.value)}
            style={{ width: 'auto' }}
            data-testid="report-date"
          />
        </div>
        {q.isError && <ErrorNotice error={q.error} />}
        {r && (
          <>
            <dl className="report-figures" data-testid="day-report">
              {figures.map(([k, v]) => (
                <div key={k} className="report-figure">
                  <dt>{t(`counter.report.${k}`)}</dt>
                  <dd data-testid={`report-${k}`}>{v}</dd>
                </div>
              ))}
            </dl>
            <h2>{t('counter.report.byGoods')}</h2>
            <Table<GoodsLine>
              rowKey="goodsId"
              size="small"
              pagination={false}
              dataSource={r.goods}
              locale={{ emptyText: <span className="counter-empty">{t('counter.report.empty')}</span> }}
              columns={[
                { title: t('counter.goods.name'), dataIndex: 'name' },
                { title: t('counter.report.redeemed'), dataIndex: 'redeemed', align: 'right' },
                { title: t('counter.report.points'), dataIndex: 'points', align: 'right' },
                { title: t('counter.report.stockIn'), dataIndex: 'stockIn', align: 'right' },
                { title: t('counter.report.stockOut'), dataIndex: 'stockOut', align: 'right' },
              ]}
            />
          </>
        )}
      </section>
      <section className="admin-panel" aria-labelledby="exports-title">
        <h2 id="exports-title">{t('counter.report.exports')}</h2>
        <p>{t('counter.report.exportsLead')}</p>
        <div className="admin-row">
          <div className="counter-date">
            <label htmlFor={fromId}>{t('counter.report.from')}</label>
            <Input id={fromId} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="counter-date">
            <label htmlFor={toId}>{t('counter.report.to')}</label>
            <Input id={toId} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        </div>
        <ul className="export-links">
          <li>
            <a href={exportUrl(siteId, 'redemptions', { from, to })} download data-testid="export-redemptions">
              {t('counter.report.exportRedemptions')}
            </a>
          </li>
          <li>
            <a href={exportUrl(siteId, 'stock', { from, to })} download data-testid="export-stock">
              {t('counter.report.exportStock')}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
