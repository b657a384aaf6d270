import { useTranslation } from 'react-i18next';
import { listStories, storyKeys } from '../../api/stories.api.js';
import { useFieldName } from '../../components/labels.js';
import { LoadMore } from '../../components/load-more.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { StoryCard } from './story-card.js';
import './stories.css';

/** An organisation's published stories, on its public page. */
export function OrganisationStories({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const f = { organisationId };
  const q = useCursorPages(storyKeys.public(f), (cursor) => listStories(f, cursor));
  if (!q.isSuccess || q.rows.length === 0) return null;
  return (
    <section aria-labelledby="organisation-stories" className="section">
      <h2 id="organisation-stories">{t('stories.portal.title')}</h2>
      <ul className="card-list story-list">
        {q.rows.map((s) => (
          <StoryCard key={s.id} s={s} fieldName={fieldName} level={3} />
        ))}
      </ul>
      <LoadMore query={q} label={t('activities.loadMore')} />
    </section>
  );
}
