import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SendTipBody, STORY_LIMITS } from '../../../common/contract/stories.js';
import { sendTip } from '../../api/stories.api.js';
import { FormField, TextField } from '../../components/form-field.js';
import { RegionPicker } from '../../components/region-picker.js';
import { ErrorNotice } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { fieldErrors } from '../../components/zod-messages.js';
import './stories.css';

/** /stories/tip: anyone tells of something worth a story (线索); it goes to the organisation for the region. */
export function StoryTipPage() {
  const { t } = useTranslation();
  usePageTitle(t('stories.tip.title'));
  const [regionPath, setRegionPath] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [contact, setContact] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = useMutation({ mutationFn: sendTip });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { regionCode: regionPath[regionPath.length - 1] ?? '', text, ...(contact.trim() ? { contact } : {}) };
    const checked = fieldErrors(SendTipBody, body, t);
    setErrors(checked.errors);
    if (checked.data) send.mutate(checked.data);
  };
  if (send.isSuccess) {
    return (
      <div className="page narrow story-tip-page">
        <h1>{t('stories.tip.title')}</h1>
        <p role="status" data-testid="story-tip-sent">
          {t('stories.tip.sent', { name: send.data.organisationName })}
        </p>
        <p>
          <Link to="/stories">{t('stories.portal.back')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow story-tip-page">
      <h1>{t('stories.tip.title')}</h1>
      <p>{t('stories.tip.lead')}</p>
      <form onSubmit={submit} noValidate aria-label={t('stories.tip.title')}>
        <RegionPicker
          legend={t('stories.tip.region')}
          path={regionPath}
          onChange={setRegionPath}
          error={errors.regionCode}
        />
        <FormField label={t('stories.tip.text')} error={errors.text} required>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={5}
              maxLength={STORY_LIMITS.tipMax}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              data-testid="story-tip-text"
            />
          )}
        </FormField>
        <TextField
          label={t('stories.tip.contact')}
          hint={t('stories.tip.contactHint')}
          error={errors.contact}
          value={contact}
          maxLength={STORY_LIMITS.contactMax}
          onChange={(e) => setContact(e.target.value)}
          autoComplete="tel"
        />
        {send.isError && <ErrorNotice error={send.error} />}
        <button type="submit" className="button primary" disabled={send.isPending} data-testid="story-tip-send">
          {t('stories.tip.send')}
        </button>
      </form>
    </div>
  );
}
