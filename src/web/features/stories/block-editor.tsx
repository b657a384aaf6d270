import { Button, Input, Select } from 'antd';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredFile } from '../../../common/contract/files.js';
import { ErrorNotice } from '../../components/status-views.js';
import type { EditorBlock } from './story-blocks.js';
import { storyPhotoUrl } from './story-body.js';
import { PHOTO_ACCEPT } from '../../components/photo-picker.js';

type TextKind = 'paragraph' | 'heading' | 'quote';

/** One block of the editor: its kind and text, or an image with its description; moved and removed by buttons. */
function BlockRow(props: {
  block: EditorBlock;
  n: number;
  last: boolean;
  onChange: (b: EditorBlock) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { block: b, n } = props;
  const name = t('stories.editor.blockN', { n: n + 1 });
  return (
    <li className="story-block" data-testid="story-block">
      <fieldset>
        <legend>{name}</legend>
        {b.kind === 'image' ? (
          <div className="story-block-image">
            <img src={storyPhotoUrl(b.fileId)} alt="" />
            <label htmlFor={`${id}-alt`}>{t('stories.editor.alt')}</label>
            <Input
              id={`${id}-alt`}
              value={b.alt}
              maxLength={200}
              onChange={(e) => props.onChange({ ...b, alt: e.target.value })}
              data-testid="story-block-alt"
            />
          </div>
        ) : (
          <>
            <label htmlFor={`${id}-kind`}>{t('stories.editor.kind')}</label>
            <Select<TextKind>
              id={`${id}-kind`}
              style={{ minWidth: 140 }}
              value={b.kind}
              onChange={(kind) => props.onChange({ ...b, kind })}
              options={(['paragraph', 'heading', 'quote'] as const).map((k) => ({
                value: k,
                label: t(`stories.editor.kinds.${k}`),
              }))}
            />
            <label htmlFor={`${id}-text`}>{t('stories.editor.text')}</label>
            <Input.TextArea
              id={`${id}-text`}
              autoSize={{ minRows: b.kind === 'heading' ? 1 : 3 }}
              value={b.text}
              onChange={(e) => props.onChange({ ...b, text: e.target.value })}
              data-testid="story-block-text"
            />
          </>
        )}
        <div className="story-block-actions">
          {/* The visible word first, then whose block it is for screen readers: the name holds what is seen. */}
          <Button size="small" disabled={n === 0} onClick={() => props.onMove(-1)}>
            {t('stories.editor.upShort')}
            <span className="sr-only"> {name}</span>
          </Button>
          <Button size="small" disabled={props.last} onClick={() => props.onMove(1)}>
            {t('stories.editor.downShort')}
            <span className="sr-only"> {name}</span>
          </Button>
          <Button size="small" danger onClick={props.onRemove}>
            {t('stories.editor.removeShort')}
            <span className="sr-only"> {name}</span>
          </Button>
        </div>
      </fieldset>
    </li>
  );
}

/**
 * The story's body as a list of blocks, every control a native one reached by Tab: text blocks
 * (paragraph, heading, quote) and images uploaded at once (kept without their GPS position).
 */
export function BlockEditor(props: {
  blocks: EditorBlock[];
  onChange: (blocks: EditorBlock[]) => void;
  upload: (file: File) => Promise<StoredFile>;
}) {
  const { t } = useTranslation();
  const fileId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { blocks, onChange } = props;
  const set = (i: number, b: EditorBlock) => onChange(blocks.map((x, k) => (k === i ? b : x)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...blocks];
    const [b] = next.splice(i, 1);
    if (b) next.splice(i + by, 0, b);
    onChange(next);
  };
  const addImage = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const stored = await props.upload(file);
      onChange([...blocks, { kind: 'image', fileId: stored.id, alt: '' }]);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="block-editor">
      {blocks.length === 0 ? (
        <p className="hint">{t('stories.editor.empty')}</p>
      ) : (
        <ol className="story-blocks" aria-label={t('stories.editor.label')}>
          {blocks.map((b, i) => (
            <BlockRow
              // Blocks have no ids of their own; their position is what the buttons move.
              key={i}
              block={b}
              n={i}
              last={i === blocks.length - 1}
              onChange={(x) => set(i, x)}
              onMove={(by) => move(i, by)}
              onRemove={() => onChange(blocks.filter((_, k) => k !== i))}
            />
          ))}
        </ol>
      )}
      <div className="story-block-add">
        <Button
          onClick={() => onChange([...blocks, { kind: 'paragraph', text: '' }])}
          data-testid="story-add-paragraph"
        >
          {t('stories.editor.addParagraph')}
        </Button>
        <Button onClick={() => onChange([...blocks, { kind: 'heading', text: '' }])}>
          {t('stories.editor.addHeading')}
        </Button>
        <label htmlFor={fileId}>{t('stories.editor.addImage')}</label>
        <input
          id={fileId}
          type="file"
          accept={PHOTO_ACCEPT}
          disabled={busy}
          onChange={(e) => void addImage(e)}
          data-testid="story-add-image"
        />
        <span className="hint" aria-live="polite">
          {busy ? t('photos.uploading') : ''}
        </span>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
