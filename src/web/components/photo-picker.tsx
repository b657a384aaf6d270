import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS, type Photo, type StoredFile } from '../../common/contract/files.js';
import { ErrorNotice } from './status-views.js';
import './photo-picker.css';

/** The photo types the server takes (HEIC is stored as JPEG), for a file input's `accept`. */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/heic,image/heif,.heic,.heif';

/** What the picker shows of a photo: an uploaded one, or one attached before. */
type Picked = Pick<StoredFile, 'id' | 'thumbnailUrl'>;

/**
 * Photos to attach to something (a need's completion, a plan's progress update or receipt):
 * each picked photo is uploaded at once (the server keeps it without its GPS position and
 * answers a thumbnail), shown as a thumbnail with a button to drop it; at most nine.
 * `testId` prefixes the test ids (`…-input`, `…-preview`, `…-remove`).
 */
export function PhotoPicker(props: {
  label: string;
  upload: (file: File) => Promise<StoredFile>;
  onChange: (ids: string[]) => void;
  onBusy: (busy: boolean) => void;
  testId: string;
  /** Photos already attached (a correction of what was entered): shown first, and dropped the same way. */
  initial?: readonly Picked[];
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [photos, setPhotos] = useState<Picked[]>(() => [...(props.initial ?? [])]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const update = (next: Picked[]) => {
    setPhotos(next);
    props.onChange(next.map((p) => p.id));
  };
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])].slice(0, MAX_PHOTOS - photos.length);
    e.target.value = '';
    if (files.length === 0) return;
    setBusy(true);
    props.onBusy(true);
    setError(null);
    let next = photos;
    try {
      for (const file of files) {
        next = [...next, await props.upload(file)];
        update(next);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      props.onBusy(false);
    }
  };
  const full = photos.length >= MAX_PHOTOS;
  return (
    <div className="form-row photo-picker">
      <label htmlFor={inputId}>{props.label}</label>
      <input
        id={inputId}
        type="file"
        accept={PHOTO_ACCEPT}
        multiple
        disabled={busy || full}
        aria-describedby={hintId}
        onChange={(e) => void pick(e)}
        data-testid={`${props.testId}-input`}
      />
      <p id={hintId} className="hint">
        {t('photos.hint', { max: MAX_PHOTOS })}
      </p>
      <p className="hint" aria-live="polite">
        {busy ? t('photos.uploading') : t('photos.count', { done: photos.length, max: MAX_PHOTOS })}
      </p>
      {error !== null && <ErrorNotice error={error} />}
      {photos.length > 0 && (
        <ul className="photo-thumbs" aria-label={t('photos.picked')}>
          {photos.map((p, i) => (
            <li key={p.id}>
              <img src={p.thumbnailUrl} alt={t('photos.alt', { n: i + 1 })} data-testid={`${props.testId}-preview`} />
              <button
                type="button"
                className="button"
                onClick={() => update(photos.filter((x) => x.id !== p.id))}
                aria-label={t('photos.remove', { n: i + 1 })}
                data-testid={`${props.testId}-remove`}
              >
                {t('photos.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Attached photos as thumbnails, each a link opening the full photo. `label` names the list
 * for screen readers; test ids are `testId` on each image and `${testId}s` on the list.
 */
export function PhotoThumbs({ photos, testId, label }: { photos: Photo[]; testId: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="photo-thumbs" data-testid={`${testId}s`} aria-label={label}>
      {photos.map((p, i) => (
        <li key={p.id}>
          <a href={p.url} target="_blank" rel="noreferrer">
            <img src={p.thumbnailUrl} alt={t('photos.open', { n: i + 1 })} data-testid={testId} />
          </a>
        </li>
      ))}
    </ul>
  );
}
