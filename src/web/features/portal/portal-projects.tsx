import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listProjects, projectKeys } from '../../api/projects.api.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { HonourList } from '../projects/honour-list.js';

const SHOWN = 6;

/** Brand projects (品牌项目) on the front page: the top-level ones, each linking to its own page. */
export function PortalProjects() {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const q = useQuery({
    queryKey: projectKeys.portal,
    queryFn: () => listProjects({ parentId: 'root', limit: SHOWN }),
  });

  return (
    <section aria-labelledby="projects-title" className="section">
      <h2 id="projects-title">{t('projects.title')}</h2>
      <p className="section-lead">{t('projects.lead')}</p>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data && q.data.items.length === 0 && <p>{t('projects.none')}</p>}
      {q.data && q.data.items.length > 0 && (
        <ul className="card-list">
          {q.data.items.map((p) => (
            <li key={p.id} className="card">
              <h3>
                <Link to={`/projects/${encodeURIComponent(p.id)}`}>{p.name}</Link>
              </h3>
              <p className="tag">{fieldName(p.field)}</p>
              {p.departmentName && <p>{t('projects.department', { name: p.departmentName })}</p>}
              <HonourList honours={p.honours} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
