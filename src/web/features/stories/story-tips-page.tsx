import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Select, Table } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STORY_TIP_STATUSES, type StoryTipStatus } from '../../../common/enums.js';
import { decideTip, listTips, storyKeys, type StoryTip } from '../../api/stories.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { EmptyText } from '../organiser/empty-text.js';

/** /organiser/story-tips: tips (线索) sent to my organisations; mark each used or dismissed. */
export function StoryTipsPage() {
  const { t } = useTranslation();
  usePageTitle(t('stories.tips.title'));
  const f = useFormat();
  const client = useQueryClient();
  const filterId = useId();
  const [status, setStatus] = useState<StoryTipStatus | undefined>('new');
  const q = useCursorPages(storyKeys.tips(status), (cursor) => listTips(status, cursor));
  const decide = useMutation({
    mutationFn: (v: { id: string; status: 'used' | 'dismissed' }) => decideTip(v.id, v.status),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['stories', 'tips'] }),
  });
  return (
    <section aria-labelledby="tips-title">
      <h1 id="tips-title">{t('stories.tips.title')}</h1>
      <p>{t('stories.tips.lead')}</p>
      <div className="form-row">
        <label htmlFor={filterId}>{t('stories.statusLabel')}</label>
        <Select<StoryTipStatus | 'all'>
          id={filterId}
          style={{ minWidth: 160 }}
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('stories.tips.all') },
            ...STORY_TIP_STATUSES.map((s) => ({ value: s, label: t(`stories.tips.status.${s}`) })),
          ]}
        />
      </div>
      {decide.isError && <ErrorNotice error={decide.error} />}
      <Table<StoryTip>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.rows}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('stories.tips.none')}</EmptyText> }}
        columns={[
          { title: t('stories.tips.at'), key: 'at', render: (_: unknown, x: StoryTip) => f.dateTime(x.createdAt) },
          { title: t('stories.tips.region'), dataIndex: 'regionName' },
          { title: t('stories.tips.text'), dataIndex: 'text' },
          { title: t('stories.tips.contact'), key: 'c', render: (_: unknown, x: StoryTip) => x.contact ?? '—' },
          { title: t('stories.organisation'), dataIndex: 'organisationName' },
          {
            title: t('stories.statusLabel'),
            key: 'status',
            render: (_: unknown, x: StoryTip) => t(`stories.tips.status.${x.status}`),
          },
          {
            title: t('stories.tips.actions'),
            key: 'act',
            render: (_: unknown, x: StoryTip) =>
              x.status === 'new' ? (
                <span className="story-tip-actions">
                  <Button size="small" onClick={() => decide.mutate({ id: x.id, status: 'used' })}>
                    {t('stories.tips.use')}
                  </Button>
                  <Button size="small" onClick={() => decide.mutate({ id: x.id, status: 'dismissed' })}>
                    {t('stories.tips.dismiss')}
                  </Button>
                </span>
              ) : null,
          },
        ]}
      />
      {q.hasNextPage && (
        <Button className="admin-row" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('activities.loadMore')}
        </Button>
      )}
    </section>
  );
}
