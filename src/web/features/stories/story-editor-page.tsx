import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Select } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { activityKeys, organisationActivities } from '../../api/activities.api.js';
import { getStory, patchStory, storyKeys, submitStory, uploadStoryPhoto, type Story } from '../../api/stories.api.js';
import { errorText } from '../../components/error-text.js';
import { RegionPicker } from '../../components/region-picker.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { ProjectPicker } from '../organiser/project-picker.js';
import { BlockEditor } from './block-editor.js';
import { blocksOf, docOf, type EditorBlock } from './story-blocks.js';
import { asDoc, StoryBody, storyPhotoUrl } from './story-body.js';
import { StoryFieldSelect } from './story-field-select.js';
import { StoryStatusTag } from './story-status.js';
import './stories.css';
import { PHOTO_ACCEPT } from '../../components/photo-picker.js';

function Editor({ story }: { story: Story }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const ids = { title: useId(), summary: useId(), field: useId(), activity: useId(), project: useId(), cover: useId() };
  const [title, setTitle] = useState(story.title);
  const [summary, setSummary] = useState(story.summary);
  const [field, setField] = useState(story.field);
  const [regionPath, setRegionPath] = useState<string[]>([]);
  const [activityId, setActivityId] = useState<string | null>(story.activityId);
  const [projectId, setProjectId] = useState<string | null>(story.projectId);
  const activities = useQuery({
    queryKey: activityKeys.ofOrganisation(story.organisationId),
    queryFn: () => organisationActivities(story.organisationId),
  });
  const [cover, setCover] = useState<string | null>(story.cover?.id ?? null);
  const [blocks, setBlocks] = useState<EditorBlock[]>(() => blocksOf(asDoc(story.body)));
  const [saved, setSaved] = useState(false);
  const refresh = (s: Story) => {
    client.setQueryData(storyKeys.one(s.id), s);
    void client.invalidateQueries({ queryKey: storyKeys.all });
  };
  const save = useMutation({
    mutationFn: () =>
      patchStory(story.id, {
        title,
        summary,
        field,
        activityId,
        projectId,
        coverFileId: cover,
        body: docOf(blocks),
        ...(regionPath.length ? { regionCode: regionPath[regionPath.length - 1] } : {}),
      }),
    onSuccess: (s) => {
      setSaved(true);
      refresh(s);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      await save.mutateAsync();
      return submitStory(story.id);
    },
    onSuccess: refresh,
  });
  const uploadCover = useMutation({
    mutationFn: (file: File) => uploadStoryPhoto(story.id, file),
    onSuccess: (f) => setCover(f.id),
  });
  const edit = () => setSaved(false);
  return (
    <form
      className="story-form"
      aria-labelledby="story-edit-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      onChange={edit}
    >
      <h2 id="story-edit-title">{t('stories.editor.title')}</h2>
      <div className="form-row">
        <label htmlFor={ids.title}>{t('stories.fields.title')}</label>
        <Input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="story-title" />
      </div>
      <div className="form-row">
        <label htmlFor={ids.summary}>{t('stories.fields.summary')}</label>
        <Input.TextArea id={ids.summary} rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor={ids.field}>{t('stories.fields.field')}</label>
        <StoryFieldSelect id={ids.field} value={field} onChange={setField} />
      </div>
      <div className="form-row">
        <label htmlFor={ids.activity}>{t('stories.fields.activity')}</label>
        <Select
          id={ids.activity}
          style={{ minWidth: 220 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={activityId ?? undefined}
          placeholder={t('stories.fields.noActivity')}
          loading={activities.isFetching}
          onChange={(v: string | undefined) => {
            setActivityId(v ?? null);
            edit();
          }}
          options={[
            // The story's activity stays listed even when it is not among the organisation's first page.
            ...(story.activityId && !activities.data?.items.some((a) => a.id === story.activityId)
              ? [{ value: story.activityId, label: story.activityTitle ?? story.activityId }]
              : []),
            ...(activities.data?.items ?? []).map((a) => ({ value: a.id, label: a.title })),
          ]}
          data-testid="story-activity"
        />
      </div>
      <div className="form-row">
        <label htmlFor={ids.project}>{t('stories.fields.project')}</label>
        <ProjectPicker
          id={ids.project}
          value={projectId}
          onChange={(v) => {
            setProjectId(v);
            edit();
          }}
        />
      </div>
      <RegionPicker
        legend={t('stories.fields.region', { name: story.regionName })}
        path={regionPath}
        onChange={setRegionPath}
      />
      <div className="form-row story-cover">
        <label htmlFor={ids.cover}>{t('stories.fields.cover')}</label>
        {cover && <img src={storyPhotoUrl(cover)} alt={t('stories.coverAlt')} data-testid="story-cover-preview" />}
        <input
          id={ids.cover}
          type="file"
          accept={PHOTO_ACCEPT}
          disabled={uploadCover.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) uploadCover.mutate(file);
          }}
          data-testid="story-cover-input"
        />
        {uploadCover.isError && <ErrorNotice error={uploadCover.error} />}
      </div>
      <h3>{t('stories.fields.body')}</h3>
      <BlockEditor
        blocks={blocks}
        onChange={(b) => {
          setBlocks(b);
          edit();
        }}
        upload={(file) => uploadStoryPhoto(story.id, file)}
      />
      {(save.isError || submit.isError) && (
        <Alert type="error" title={errorText(submit.error ?? save.error, t)} data-testid="story-error" />
      )}
      <p aria-live="polite" className="hint">
        {saved && !save.isPending ? t('stories.editor.saved') : ''}
      </p>
      <div className="story-actions">
        <Button htmlType="submit" loading={save.isPending} data-testid="story-save">
          {t('stories.editor.save')}
        </Button>
        <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending} data-testid="story-submit">
          {story.status === 'approved' ? t('stories.editor.resubmit') : t('stories.editor.submit')}
        </Button>
      </div>
      {story.status === 'approved' && <p className="hint">{t('stories.editor.publishedNote')}</p>}
    </form>
  );
}

/** /organiser/stories/:id: write a story (body, photos, cover) and send it for review. */
export function StoryEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: storyKeys.one(id), queryFn: () => getStory(id) });
  usePageTitle(q.data?.title ?? t('stories.console.title'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const s = q.data;
  const editable = s.canEdit && s.status !== 'submitted';
  return (
    <section aria-labelledby="story-title" className="story-console">
      <p>
        <Link to="/organiser/stories">{t('stories.console.back')}</Link>
      </p>
      <h1 id="story-title">{s.title}</h1>
      <p>
        {s.organisationName} · <StoryStatusTag status={s.status} />
      </p>
      {s.status === 'returned' && s.returnReason && (
        <Alert
          type="warning"
          title={t('stories.returnedWith', { reason: s.returnReason })}
          data-testid="story-returned"
        />
      )}
      {s.status === 'approved' && (
        <p>
          <Link to={`/stories/${encodeURIComponent(s.id)}`}>{t('stories.viewPublished')}</Link>
        </p>
      )}
      {editable ? (
        // Remounted when the status changes (a returned story edited becomes a draft again).
        <Editor key={s.status} story={s} />
      ) : (
        <>
          <Alert type="info" title={t('stories.underReview')} />
          <StoryBody doc={asDoc(s.body)} />
        </>
      )}
    </section>
  );
}
