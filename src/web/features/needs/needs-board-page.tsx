import { Button, Checkbox, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEED_STATUSES } from '../../../common/contract/needs.js';
import { listNeeds, needKeys, type Need, type NeedQuery } from '../../api/needs.api.js';
import { useFormat } from '../../components/format.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { CursorTable } from '../admin/cursor-table.js';
import { RegionCascader } from '../admin/region-cascader.js';
import { NeedBoardPanel } from './need-board-panel.js';
import { NeedDue } from './need-due.js';
import { NeedStatsSection } from './need-stats-section.js';
import { useNeedTypes } from './use-need-types.js';
import './needs.css';

interface Values {
  status?: Need['status'];
  region?: string[];
  overdue?: boolean;
}

/**
 * 需求看板: the needs of the regions I review (a site manager's site's, a region admin's),
 * the step due soonest first (overdue ones on top, marked), filtered by status, region and
 * lateness; a need picked opens its review, dispatch and cancel below.
 */
export function NeedsBoardPage({ roots }: { roots?: readonly string[] | undefined }) {
  const { t } = useTranslation();
  usePageTitle(t('needs.board.title'));
  const f = useFormat();
  const { nameOf } = useNeedTypes();
  const [filters, setFilters] = useState<NeedQuery>({ view: 'board', sort: 'due' });
  const [picked, setPicked] = useState<string | null>(null);
  const pages = useCursorPages(needKeys.list(filters), (cursor) => listNeeds(filters, cursor));
  const onFinish = (v: Values) =>
    setFilters({
      view: 'board',
      sort: 'due',
      ...(v.status ? { status: v.status } : {}),
      ...(v.overdue ? { overdue: 'true' as const } : {}),
      ...(v.region?.length ? { regionCode: v.region.at(-1) } : {}),
    });
  return (
    <section aria-labelledby="needs-board-title" className="admin-panel wide needs-board">
      <h1 id="needs-board-title">{t('needs.board.title')}</h1>
      <p>{t('needs.board.lead')}</p>
      <Form<Values> layout="inline" name="needs-filter" onFinish={onFinish} aria-label={t('needs.board.filter')}>
        <Form.Item name="status" label={t('needs.fields.status')}>
          <Select
            allowClear
            style={{ minWidth: 160 }}
            options={NEED_STATUSES.map((s) => ({ value: s, label: t(`needs.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="region" label={t('needs.fields.region')}>
          <RegionCascader roots={roots} />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox data-testid="needs-filter-overdue">{t('needs.board.overdueOnly')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="needs-filter-apply">
          {t('needs.board.apply')}
        </Button>
      </Form>
      <CursorTable<Need>
        pages={pages}
        empty={t('needs.board.none')}
        onRow={(n) =>
          ({
            'data-testid': 'board-need',
            'data-status': n.status,
            className: n.overdue ? 'need-row-overdue' : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('needs.board.postedAt'), dataIndex: 'createdAt', render: (at: string) => f.dateTime(at) },
          { title: t('needs.fields.type'), dataIndex: 'type', render: (type: string) => nameOf(type) },
          {
            title: t('needs.fields.text'),
            dataIndex: 'text',
            render: (text: string) => <span className="need-board-text">{text}</span>,
          },
          { title: t('needs.fields.region'), dataIndex: 'regionName' },
          {
            title: t('needs.fields.status'),
            dataIndex: 'status',
            render: (s: Need['status']) => (
              <span className={`need-status need-status-${s}`}>{t(`needs.status.${s}`)}</span>
            ),
          },
          { title: t('needs.board.due'), key: 'due', render: (_: unknown, n: Need) => <NeedDue need={n} /> },
          { title: t('needs.fields.team'), dataIndex: 'organisationName', render: (o: string | null) => o ?? '—' },
          {
            title: t('needs.board.actions'),
            key: 'actions',
            render: (_: unknown, n: Need) => (
              <Button
                size="small"
                type={picked === n.id ? 'primary' : 'default'}
                aria-pressed={picked === n.id}
                aria-label={t('needs.board.openOne', { type: nameOf(n.type), at: f.dateTime(n.createdAt) })}
                onClick={() => setPicked(picked === n.id ? null : n.id)}
                data-testid="board-open"
              >
                {t('needs.board.open')}
              </Button>
            ),
          },
        ]}
      />
      {picked && <NeedBoardPanel key={picked} id={picked} onClose={() => setPicked(null)} />}
      <NeedStatsSection regionCode={filters.regionCode ?? roots?.[0]} />
    </section>
  );
}
