import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getStory, storyKeys } from '../../api/stories.api.js';
import { useFormat } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { asDoc, StoryBody, storyPhotoUrl } from './story-body.js';
import './stories.css';

/** /stories/:id: one published story, fit for sharing (the server puts its Open Graph tags in the page). */
export function StoryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const f = useFormat();
  const fieldName = useFieldName();
  const q = useQuery({ queryKey: storyKeys.one(id), queryFn: () => getStory(id) });
  usePageTitle(q.data?.title ?? t('stories.portal.title'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const s = q.data;
  return (
    <article className="page narrow story-page" aria-labelledby="story-title">
      <p>
        <Link to="/stories">{t('stories.portal.back')}</Link>
      </p>
      <h1 id="story-title">{s.title}</h1>
      <p className="story-card-meta">
        <span className="tag">{fieldName(s.field)}</span>{' '}
        <Link to={`/organisations/${encodeURIComponent(s.organisationId)}`}>{s.organisationName}</Link> · {s.regionName}
        {s.publishedAt && <> · {f.date(s.publishedAt)}</>}
      </p>
      {s.status !== 'approved' && <p className="notice">{t('stories.notPublished')}</p>}
      <p className="story-summary">{s.summary}</p>
      {s.cover && <img className="story-cover-image" src={storyPhotoUrl(s.cover.id)} alt={t('stories.coverAlt')} />}
      <StoryBody doc={asDoc(s.body)} />
      {(s.activityId || s.projectId) && (
        <p>
          {s.activityId && (
            <Link to={`/activities/${encodeURIComponent(s.activityId)}`}>
              {t('stories.activity', { title: s.activityTitle ?? '' })}
            </Link>
          )}{' '}
          {s.projectId && (
            <Link to={`/projects/${encodeURIComponent(s.projectId)}`}>
              {t('stories.project', { name: s.projectName ?? '' })}
            </Link>
          )}
        </p>
      )}
    </article>
  );
}
