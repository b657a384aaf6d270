import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import {
  markAllRead,
  markRead,
  myNotifications,
  notificationKeys,
  type Notification,
} from '../../api/notifications.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';

/** The in-app inbox (站内消息), newest first; unread ones stand out and can be marked read. */
export function InboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('inbox.title'));
  const { me, loading } = useSession();
  const client = useQueryClient();
  const q = useCursorPages(notificationKeys.list, (cursor) => myNotifications({ cursor, limit: 30 }), !!me);
  const refresh = () => client.invalidateQueries({ queryKey: notificationKeys.all });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: refresh });
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  const items = q.rows;
  const unread = q.data?.pages[0]?.unreadCount ?? 0;
  return (
    <div className="page narrow inbox-page">
      <h1>{t('inbox.title')}</h1>
      <p role="status">{q.isSuccess && t('inbox.unread', { count: unread })}</p>
      {unread > 0 && (
        <button type="button" className="button" onClick={() => readAll.mutate()} disabled={readAll.isPending}>
          {t('inbox.markAll')}
        </button>
      )}
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.isSuccess && items.length === 0 && <p>{t('inbox.empty')}</p>}
      <ul className="card-list inbox">
        {items.map((n) => (
          <InboxItem key={n.id} n={n} onRead={refresh} />
        ))}
      </ul>
      {q.hasNextPage && (
        <button type="button" className="button load-more" onClick={() => void q.fetchNextPage()}>
          {t('activities.loadMore')}
        </button>
      )}
    </div>
  );
}

function InboxItem({ n, onRead }: { n: Notification; onRead: () => Promise<void> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const read = useMutation({ mutationFn: () => markRead(n.id), onSuccess: onRead });
  const activityId = typeof n.data.activityId === 'string' ? n.data.activityId : null;
  const report = reportLink(n.data);
  const story = storyLink(n.data);
  const headingId = `note-${n.id}`;
  return (
    <li className={n.readAt ? 'card note' : 'card note unread'} aria-labelledby={headingId} data-testid="inbox-item">
      <h2 id={headingId} className="note-title">
        {!n.readAt && <span className="unread-dot">{t('inbox.new')}</span>} {n.title}
      </h2>
      <p className="hint">{f.dateTime(n.createdAt)}</p>
      <p>{n.body}</p>
      <p className="hero-actions">
        {activityId && <Link to={`/activities/${activityId}`}>{t('inbox.toActivity')}</Link>}
        {report && <Link to={report}>{t('inbox.toReport')}</Link>}
        {story && <Link to={story}>{t('inbox.toStory')}</Link>}
        {!n.readAt && (
          <button type="button" className="link-button" onClick={() => read.mutate()} disabled={read.isPending}>
            {t('inbox.markRead')}
          </button>
        )}
      </p>
    </li>
  );
}

/**
 * Where a report's notice leads: the reporter to their report, the organisation to its reports to
 * answer, the region admins to their queue.
 */
function reportLink(data: Record<string, unknown>): string | null {
  if (typeof data.reportId !== 'string') return null;
  if (data.step === 'landed') return '/organiser/reports';
  if (data.step === 'unrouted') return '/admin/reports';
  return `/reports/${encodeURIComponent(data.reportId)}`;
}

/** Where a story's notice leads: its reviewers to the story to review, its writer to the editor. */
function storyLink(data: Record<string, unknown>): string | null {
  if (typeof data.storyId !== 'string') return null;
  const id = encodeURIComponent(data.storyId);
  return data.step === 'submitted' ? `/organiser/story-review/${id}` : `/organiser/stories/${id}`;
}
