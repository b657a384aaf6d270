import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { approveStory, getStory, returnStory, storyKeys, type Story } from '../../api/stories.api.js';
import { errorText } from '../../components/error-text.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { StoryTable } from './console-stories-page.js';
import { asDoc, StoryBody, storyPhotoUrl } from './story-body.js';
import { StoryStatusTag } from './story-status.js';
import './stories.css';

/** /organiser/story-review: stories of the organisations below mine (or in my region) waiting for review. */
export function StoryReviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('stories.review.title'));
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">{t('stories.review.title')}</h1>
      <p>{t('stories.review.lead')}</p>
      <StoryTable view="review" linkTo="/organiser/story-review" empty={t('stories.review.none')} />
    </section>
  );
}

function Decide({ story }: { story: Story }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const done = (s: Story) => {
    client.setQueryData(storyKeys.one(s.id), s);
    void client.invalidateQueries({ queryKey: storyKeys.all });
  };
  const approve = useMutation({ mutationFn: () => approveStory(story.id), onSuccess: done });
  const back = useMutation({ mutationFn: () => returnStory(story.id, reason.trim()), onSuccess: done });
  const error = approve.error ?? back.error;
  return (
    <div className="story-decide" role="group" aria-label={t('stories.review.decide')}>
      <Button type="primary" onClick={() => approve.mutate()} loading={approve.isPending} data-testid="story-approve">
        {t('stories.review.approve')}
      </Button>
      <div className="form-row">
        <label htmlFor={reasonId}>{t('stories.review.reason')}</label>
        <Input.TextArea id={reasonId} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <Button onClick={() => back.mutate()} disabled={!reason.trim()} loading={back.isPending}>
        {t('stories.review.return')}
      </Button>
      {error && <Alert type="error" title={errorText(error, t)} />}
    </div>
  );
}

/** /organiser/story-review/:id: read a submitted story as it would appear, then publish or return it. */
export function StoryReviewDetailPage() {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: storyKeys.one(id), queryFn: () => getStory(id) });
  usePageTitle(q.data?.title ?? t('stories.review.title'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const s = q.data;
  return (
    <section aria-labelledby="story-title" className="story-console">
      <p>
        <Link to="/organiser/story-review">{t('stories.review.back')}</Link>
      </p>
      <h1 id="story-title">{s.title}</h1>
      <p>
        {s.organisationName} · {s.regionName} · {fieldName(s.field)} · <StoryStatusTag status={s.status} />
      </p>
      <p className="story-summary">{s.summary}</p>
      {s.cover && <img className="story-cover-image" src={storyPhotoUrl(s.cover.id)} alt={t('stories.coverAlt')} />}
      <StoryBody doc={asDoc(s.body)} />
      {s.canReview ? (
        <Decide story={s} />
      ) : (
        s.status === 'approved' && (
          <p>
            <Link to={`/stories/${encodeURIComponent(s.id)}`}>{t('stories.viewPublished')}</Link>
          </p>
        )
      )}
    </section>
  );
}
