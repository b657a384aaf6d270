import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS } from '../../../common/contract/files.js';
import { uploadNeedPhoto, type StoredFile } from '../../api/needs.api.js';
import { ErrorNotice } from '../../components/status-views.js';

/**
 * The taker's photos for the completion report: each picked photo is uploaded at once (the
 * server keeps it without its GPS position and answers a thumbnail), shown as a thumbnail with a
 * button to drop it; at most nine.
 */
export function NeedPhotoPicker(props: {
  needId: string;
  onChange: (ids: string[]) => void;
  onBusy: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [photos, setPhotos] = useState<StoredFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const update = (next: StoredFile[]) => {
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
        next = [...next, await uploadNeedPhoto(props.needId, file)];
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
    <div className="form-row need-photo-picker">
      <label htmlFor={inputId}>{t('needs.photos.pick')}</label>
      {/* No HEIC in `accept`: an iPhone then hands over its photos as JPEG, which the server can read. */}
      <input
        id={inputId}
        type="file"
        accept="image/jpeg,image/png"
        multiple
        disabled={busy || full}
        aria-describedby={hintId}
        onChange={(e) => void pick(e)}
        data-testid="need-photo-input"
      />
      <p id={hintId} className="hint">
        {t('needs.photos.hint', { max: MAX_PHOTOS })}
      </p>
      <p className="hint" aria-live="polite">
        {busy ? t('needs.photos.uploading') : t('needs.photos.count', { done: photos.length, max: MAX_PHOTOS })}
      </p>
      {error !== null && <ErrorNotice error={error} />}
      {photos.length > 0 && (
        <ul className="need-photos" aria-label={t('needs.photos.picked')}>
          {photos.map((p, i) => (
            <li key={p.id}>
              <img src={p.thumbnailUrl} alt={t('needs.photos.alt', { n: i + 1 })} data-testid="need-photo-preview" />
              <button
                type="button"
                className="button"
                onClick={() => update(photos.filter((x) => x.id !== p.id))}
                aria-label={t('needs.photos.remove', { n: i + 1 })}
                data-testid="need-photo-remove"
              >
                {t('needs.photos.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The photos of a completed need, as thumbnails each opening the full photo. */
export function NeedPhotos({ photos }: { photos: { id: string; url: string; thumbnailUrl: string }[] }) {
  const { t } = useTranslation();
  return (
    <ul className="need-photos" data-testid="need-photos">
      {photos.map((p, i) => (
        <li key={p.id}>
          <a href={p.url} target="_blank" rel="noreferrer">
            <img src={p.thumbnailUrl} alt={t('needs.photos.open', { n: i + 1 })} data-testid="need-photo" />
          </a>
        </li>
      ))}
    </ul>
  );
}
