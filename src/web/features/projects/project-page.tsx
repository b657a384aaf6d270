import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { activityKeys, listActivities } from '../../api/activities.api.js';
import { honourKeys, listHonours } from '../../api/honours.api.js';
import { getProject, projectKeys } from '../../api/projects.api.js';
import { useFormat } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { SubjectHonours } from '../honours/subject-honours.js';
import { HonourList } from './honour-list.js';

const ProjectHonoursDialog = lazy(() => import('./project-honours-dialog.js'));

/**
 * For those who may record the project's honours (the list answers `canRecord`): a button that
 * opens the honours dialog. Nothing for anyone else.
 */
function ManageHonours({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: honourKeys.of('project', id),
    queryFn: () => listHonours({ subjectKind: 'project', subjectId: id }),
  });
  if (!q.data?.canRecord) return null;
  return (
    <div className="section">
      <button type="button" className="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('projects.manageHonours')}
      </button>
      {open && (
        <Suspense fallback={<Loading />}>
          <ProjectHonoursDialog projectId={id} projectName={name} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}

/** A brand project's public page: what it is, its honours, its sub-projects and its published activities. */
export function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const fieldName = useFieldName();
  const f = useFormat();
  const q = useQuery({ queryKey: projectKeys.one(id), queryFn: () => getProject(id) });
  const acts = useQuery({
    queryKey: activityKeys.ofProject(id),
    queryFn: () => listActivities({ projectId: id, limit: 20 }),
  });
  usePageTitle(q.data?.name ?? t('projects.title'));

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const p = q.data;
  return (
    <div className="page narrow project-page">
      <p>
        <Link to="/">{t('projects.toPortal')}</Link>
      </p>
      <h1>{p.name}</h1>
      <p className="tag">{fieldName(p.field)}</p>
      {p.departmentName && (
        <p>
          <Link to={`/organisations/${encodeURIComponent(p.departmentId)}`}>
            {t('projects.department', { name: p.departmentName })}
          </Link>
        </p>
      )}
      {p.description && <p>{p.description}</p>}
      {p.goals && (
        <section aria-labelledby="project-goals" className="section">
          <h2 id="project-goals">{t('projects.goals')}</h2>
          <p>{p.goals}</p>
        </section>
      )}
      <SubjectHonours kind="project" id={p.id} headingId="project-honours" title={t('projects.honours')} hideEmpty />
      <ManageHonours id={p.id} name={p.name} />
      <section aria-labelledby="project-children" className="section">
        <h2 id="project-children">{t('projects.children')}</h2>
        {p.children.length === 0 ? (
          <p>{t('projects.noChildren')}</p>
        ) : (
          <ul className="card-list">
            {p.children.map((c) => (
              <li key={c.id} className="card">
                <h3>
                  <Link to={`/projects/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                </h3>
                <p className="tag">{fieldName(c.field)}</p>
                <HonourList honours={c.honours} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="project-activities" className="section">
        <h2 id="project-activities">{t('projects.activities')}</h2>
        {acts.isPending && <Loading />}
        {acts.isError && <ErrorNotice error={acts.error} />}
        {acts.data && acts.data.items.length === 0 && <p>{t('projects.noActivities')}</p>}
        {acts.data && acts.data.items.length > 0 && (
          <ul className="card-list">
            {acts.data.items.map((a) => (
              <li key={a.id} className="card">
                <h3>
                  <Link to={`/activities/${encodeURIComponent(a.id)}`}>{a.title}</Link>
                </h3>
                <p>{f.span(a.firstStart, a.lastEnd)}</p>
                <p>{a.address}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
