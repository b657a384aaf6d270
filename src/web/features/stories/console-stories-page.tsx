import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Table } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CreateStoryBody } from '../../../common/contract/stories.js';
import { createStory, listManagedStories, storyKeys, type StoryCard } from '../../api/stories.api.js';
import { errorText } from '../../components/error-text.js';
import { useFormat } from '../../components/format.js';
import { useFieldName } from '../../components/labels.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { EmptyText } from '../organiser/empty-text.js';
import { useCurrentOrganisation } from '../organiser/use-organisation.js';
import { StoryFieldSelect } from './story-field-select.js';
import { StoryStatusTag } from './story-status.js';
import './stories.css';

/** A new story's first part: title, summary and field; the body and photos come on its own page. */
function NewStoryForm({ org }: { org: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const ids = { title: useId(), summary: useId(), field: useId() };
  const [v, setV] = useState({ title: '', summary: '', field: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: createStory,
    onSuccess: (s) => {
      void client.invalidateQueries({ queryKey: storyKeys.all });
      void navigate(`/organiser/stories/${encodeURIComponent(s.id)}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = fieldErrors(CreateStoryBody, { organisationId: org, ...v }, t);
    setErrors(checked.errors);
    if (checked.data) create.mutate(checked.data);
  };
  const err = (k: string) =>
    errors[k] ? (
      <p className="field-error" id={`${ids.title}-${k}-error`}>
        {errors[k]}
      </p>
    ) : null;
  return (
    <form className="story-form" onSubmit={submit} aria-labelledby="new-story-title" noValidate>
      <h2 id="new-story-title">{t('stories.new.title')}</h2>
      <div className="form-row">
        <label htmlFor={ids.title}>{t('stories.fields.title')}</label>
        <Input
          id={ids.title}
          value={v.title}
          onChange={(e) => setV({ ...v, title: e.target.value })}
          aria-invalid={!!errors.title || undefined}
          aria-describedby={errors.title ? `${ids.title}-title-error` : undefined}
          data-testid="story-title"
        />
        {err('title')}
      </div>
      <div className="form-row">
        <label htmlFor={ids.summary}>{t('stories.fields.summary')}</label>
        <Input.TextArea
          id={ids.summary}
          rows={2}
          value={v.summary}
          onChange={(e) => setV({ ...v, summary: e.target.value })}
          aria-invalid={!!errors.summary || undefined}
          aria-describedby={errors.summary ? `${ids.title}-summary-error` : undefined}
          data-testid="story-summary"
        />
        {err('summary')}
      </div>
      <div className="form-row">
        <label htmlFor={ids.field}>{t('stories.fields.field')}</label>
        <StoryFieldSelect
          id={ids.field}
          value={v.field}
          onChange={(field) => setV({ ...v, field })}
          describedBy={errors.field ? `${ids.title}-field-error` : undefined}
          testId="story-field"
        />
        {err('field')}
      </div>
      {create.isError && <Alert type="error" title={errorText(create.error, t)} />}
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="story-create">
        {t('stories.new.create')}
      </Button>
    </form>
  );
}

/** A table of stories (to write, or to review), linking each to `linkTo`. */
export function StoryTable({ view, linkTo, empty }: { view: 'write' | 'review'; linkTo: string; empty: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fieldName = useFieldName();
  const q = useCursorPages(storyKeys.managed(view, undefined), (cursor) => listManagedStories(view, undefined, cursor));
  return (
    <>
      <Table<StoryCard>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.rows}
        pagination={false}
        locale={{ emptyText: <EmptyText>{empty}</EmptyText> }}
        columns={[
          {
            title: t('stories.fields.title'),
            key: 'title',
            render: (_: unknown, s: StoryCard) => <Link to={`${linkTo}/${encodeURIComponent(s.id)}`}>{s.title}</Link>,
          },
          { title: t('stories.organisation'), dataIndex: 'organisationName' },
          { title: t('stories.fields.field'), key: 'field', render: (_: unknown, s: StoryCard) => fieldName(s.field) },
          {
            title: t('stories.statusLabel'),
            key: 'status',
            render: (_: unknown, s: StoryCard) => <StoryStatusTag status={s.status} />,
          },
          { title: t('stories.updated'), key: 'at', render: (_: unknown, s: StoryCard) => f.dateTime(s.updatedAt) },
        ]}
      />
      {q.hasNextPage && (
        <Button className="admin-row" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('activities.loadMore')}
        </Button>
      )}
    </>
  );
}

/** /organiser/stories: the stories of the organisations I administer, and a new one. */
export function ConsoleStoriesPage() {
  const { t } = useTranslation();
  usePageTitle(t('stories.console.title'));
  const [org] = useCurrentOrganisation();
  return (
    <section aria-labelledby="stories-title">
      <h1 id="stories-title">{t('stories.console.title')}</h1>
      <p>{t('stories.console.lead')}</p>
      {org ? <NewStoryForm org={org} /> : <Alert type="info" title={t('organiser.pickOrg')} />}
      <h2>{t('stories.console.mine')}</h2>
      <StoryTable view="write" linkTo="/organiser/stories" empty={t('stories.console.none')} />
    </section>
  );
}
