import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getWorkbench, workbenchKeys, type Workbench } from '../../api/workbench.api.js';
import { consoleSections, type ConsoleSection } from '../../components/console-menu.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import './workbench.css';

/** One figure or to-do: what it counts, how many, and where it is acted on. */
function Tile({
  label,
  value,
  to,
  action,
  todo,
}: {
  label: string;
  value: ReactNode;
  to: string;
  action: string;
  todo?: boolean;
}) {
  return (
    <Card size="small" className={todo ? 'workbench-tile todo' : 'workbench-tile'}>
      <p className="workbench-label">{label}</p>
      <p className="workbench-value">{value}</p>
      <Link to={to}>{action}</Link>
    </Card>
  );
}

/** A group of tiles under its console's heading. */
function Group({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="workbench-group">
      <h2 id={id}>{title}</h2>
      <div className="workbench-tiles">{children}</div>
    </section>
  );
}

const siteQuery = (siteId: string) => `?site=${encodeURIComponent(siteId)}`;

/**
 * 工作台: where every console starts. The person's to-dos (sign-ups to approve, records to
 * confirm) and figures (today's redemptions, the week's shifts, what their region holds),
 * each with a link to where it is acted on; then their consoles' pages.
 */
export function WorkbenchPage() {
  const { t } = useTranslation();
  usePageTitle(t('console.workbench'));
  const { me } = useSession();
  const q = useQuery({ queryKey: workbenchKeys.mine, queryFn: getWorkbench });
  const sections = consoleSections(me);
  const can = (path: string) => sections.some((s) => s.entries.some((e) => e.path === path));
  return (
    <section aria-labelledby="workbench-title" className="workbench">
      <h1 id="workbench-title">{t('console.workbench')}</h1>
      <p>{t('workbench.hello', { name: me?.user.displayName ?? '' })}</p>
      {q.isError && <ErrorNotice error={q.error} />}
      {q.isPending && <Loading />}
      {q.data && <Figures w={q.data} can={can} />}
      <Shortcuts sections={sections} />
    </section>
  );
}

function Figures({ w, can }: { w: Workbench; can: (path: string) => boolean }) {
  const { t } = useTranslation();
  const go = t('workbench.go');
  return (
    <>
      {w.organiser && (
        <Group id="wb-organiser" title={t('console.sections.organiser')}>
          <Tile
            todo
            label={t('workbench.signupsToApprove')}
            value={w.organiser.signupsToApprove}
            to="/organiser/activities"
            action={t('workbench.toApprove')}
          />
          <Tile
            todo
            label={t('workbench.recordsToConfirm')}
            value={w.organiser.recordsToConfirm}
            to="/organiser/records"
            action={t('workbench.toConfirm')}
          />
          <Tile label={t('workbench.drafts')} value={w.organiser.drafts} to="/organiser/activities" action={go} />
          <Tile
            label={t('workbench.openActivities')}
            value={w.organiser.openActivities}
            to="/organiser/activities"
            action={go}
          />
        </Group>
      )}
      {w.counters.length > 0 && (
        <Group id="wb-counter" title={t('console.sections.counter')}>
          {w.counters.map((c) => (
            <Tile
              key={c.siteId}
              label={t('workbench.redemptionsToday', { name: c.name })}
              value={t('workbench.redemptionsValue', { count: c.redemptionsToday, points: c.pointsToday })}
              to={`/counter/redeem${siteQuery(c.siteId)}`}
              action={t('workbench.toRedeem')}
            />
          ))}
        </Group>
      )}
      {w.sites.length > 0 && (
        <Group id="wb-site" title={t('console.sections.site')}>
          {w.sites.map((s) => (
            <Tile
              key={s.siteId}
              label={t('workbench.shiftsThisWeek', { name: s.name })}
              value={s.shiftsThisWeek}
              to={`/site/calendar${siteQuery(s.siteId)}`}
              action={t('workbench.toCalendar')}
            />
          ))}
        </Group>
      )}
      {w.needs && <NeedsTiles needs={w.needs} board={can('/admin/needs') ? '/admin/needs' : '/site/needs'} />}
      {w.reports && <ReportsTiles reports={w.reports} />}
      {w.stories && <StoriesTiles stories={w.stories} />}
      {w.admin && (
        <Group id="wb-admin" title={t('workbench.inScope')}>
          {w.admin.volunteers !== null && (
            <Tile
              label={t('workbench.volunteers')}
              value={w.admin.volunteers}
              to={can('/admin/volunteers') ? '/admin/volunteers' : '/admin/statistics'}
              action={go}
            />
          )}
          <Tile
            label={t('workbench.organisations')}
            value={w.admin.organisations}
            to="/admin/organisations"
            action={go}
          />
          <Tile
            label={t('workbench.activities')}
            value={w.admin.openActivities}
            to="/admin/statistics"
            action={t('workbench.toStats')}
          />
        </Group>
      )}
    </>
  );
}

/** Residents' needs in the regions the person reviews: to review, overdue, on their way; all on the board. */
function NeedsTiles({ needs, board }: { needs: NonNullable<Workbench['needs']>; board: string }) {
  const { t } = useTranslation();
  const action = t('workbench.toBoard');
  return (
    <Group id="wb-needs" title={t('workbench.needsTitle')}>
      <Tile todo label={t('workbench.needsToReview')} value={needs.toReview} to={board} action={action} />
      <Tile todo label={t('workbench.needsOverdue')} value={needs.overdue} to={board} action={action} />
      <Tile label={t('workbench.needsOpen')} value={needs.open} to={board} action={action} />
    </Group>
  );
}

/** Reports (随手拍) waiting on the person: to answer for their organisations, to route in their regions. */
function ReportsTiles({ reports }: { reports: NonNullable<Workbench['reports']> }) {
  const { t } = useTranslation();
  return (
    <Group id="wb-reports" title={t('workbench.reportsTitle')}>
      {(
        [
          [reports.toAnswer, t('workbench.reportsToAnswer'), '/organiser/reports'],
          [reports.toRoute, t('workbench.reportsToRoute'), '/admin/reports?status=unrouted'],
        ] as const
      ).map(
        ([value, label, to]) =>
          value !== null && (
            <Tile key={to} todo label={label} value={value} to={to} action={t('workbench.toReports')} />
          ),
      )}
    </Group>
  );
}

/** Stories waiting on the person: submitted ones to review and new tips for their organisations. */
function StoriesTiles({ stories }: { stories: NonNullable<Workbench['stories']> }) {
  const { t } = useTranslation();
  const todos = [
    {
      label: t('workbench.storiesToReview'),
      value: stories.toReview,
      to: '/organiser/story-review',
      action: t('workbench.toStoryReview'),
    },
    {
      label: t('workbench.storyTips'),
      value: stories.newTips,
      to: '/organiser/story-tips',
      action: t('workbench.toStoryTips'),
    },
  ];
  return (
    <Group id="wb-stories" title={t('workbench.storiesTitle')}>
      {todos.map((d) => (
        <Tile key={d.to} todo {...d} />
      ))}
    </Group>
  );
}

/** Every page of the person's consoles, as the menu lists them, for a quick start. */
function Shortcuts({ sections }: { sections: ConsoleSection[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="wb-shortcuts" className="workbench-group">
      <h2 id="wb-shortcuts">{t('workbench.shortcuts')}</h2>
      {sections.map((s) => (
        <div key={s.key} className="workbench-shortcuts">
          <h3>{t(s.label)}</h3>
          <ul>
            {s.entries.map((e) => (
              <li key={e.path}>
                <Link to={e.path}>{t(e.label)}</Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
