import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { listStories, storyKeys } from '../../api/stories.api.js';
import { useFieldName } from '../../components/labels.js';
import { LoadMore } from '../../components/load-more.js';
import { RegionPicker } from '../../components/region-picker.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useUrlFilters } from '../../components/use-url-filters.js';
import { StoryCard } from './story-card.js';
import './stories.css';

/** /stories: published stories (志愿风采) by region and field, newest first; the filters live in the URL. */
export function StoriesPage() {
  const { t } = useTranslation();
  usePageTitle(t('stories.portal.title'));
  const fieldName = useFieldName();
  const fieldId = useId();
  const [filters, setFilters] = useUrlFilters(['region', 'field']);
  const regionPath = filters.region ? filters.region.split('.') : [];
  const regionCode = regionPath[regionPath.length - 1];
  const f = {
    ...(regionCode ? { regionCode } : {}),
    ...(filters.field ? { field: filters.field } : {}),
  };
  const q = useCursorPages(storyKeys.public(f), (cursor) => listStories(f, cursor));
  return (
    <div className="page stories-page">
      <h1>{t('stories.portal.title')}</h1>
      <p className="section-lead">{t('stories.portal.lead')}</p>
      <p>
        <Link to="/stories/tip" data-testid="story-tip-link">
          {t('stories.tip.link')}
        </Link>
      </p>
      <div className="filters story-filters" role="search" aria-label={t('stories.portal.filters')}>
        <RegionPicker
          legend={t('stories.portal.region')}
          path={regionPath}
          onChange={(p) => setFilters({ region: p.join('.') || undefined })}
        />
        <div className="form-row">
          <label htmlFor={fieldId}>{t('stories.fields.field')}</label>
          <select
            id={fieldId}
            value={filters.field ?? ''}
            onChange={(e) => setFilters({ field: e.target.value || undefined })}
            data-testid="story-field-filter"
          >
            <option value="">{t('stories.portal.allFields')}</option>
            {DEFAULT_FIELDS.map((x) => (
              <option key={x.code} value={x.code}>
                {fieldName(x.code)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.isSuccess && q.rows.length === 0 && <p className="notice">{t('stories.portal.none')}</p>}
      <ul className="card-list story-list">
        {q.rows.map((s) => (
          <StoryCard key={s.id} s={s} fieldName={fieldName} />
        ))}
      </ul>
      <LoadMore query={q} label={t('activities.loadMore')} />
    </div>
  );
}
