import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadHonourImage, type Honour } from '../../api/honours.api.js';
import './honours.css';
import { PHOTO_ACCEPT } from '../../components/photo-picker.js';

/** An honour's certificate image as a thumbnail opening the full image; nothing when it has none. */
export function HonourImage({ honour }: { honour: Honour }) {
  const { t } = useTranslation();
  if (!honour.image) return null;
  return (
    <a className="honour-image" href={honour.image.url} target="_blank" rel="noreferrer">
      <img
        src={honour.image.thumbnailUrl}
        alt={t('honours.imageOpen', { name: honour.name })}
        data-testid="honour-image"
        loading="lazy"
      />
    </a>
  );
}

/**
 * The recorder's button to upload (or replace) an honour's certificate image: a keyboard-reachable
 * button opening the file chooser; the picked file is uploaded at once.
 */
export function HonourImageUpload({
  honour,
  onUploaded,
  onError,
}: {
  honour: Honour;
  onUploaded: (h: Honour) => void;
  onError: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadHonourImage(honour.id, file),
    onSuccess: onUploaded,
    onError,
  });
  const replace = honour.image !== null;
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={PHOTO_ACCEPT}
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) upload.mutate(file);
        }}
        data-testid="honour-image-input"
      />
      <Button
        size="small"
        loading={upload.isPending}
        onClick={() => input.current?.click()}
        aria-label={t(replace ? 'honours.replaceImageOf' : 'honours.uploadImageOf', { name: honour.name })}
      >
        {t(replace ? 'honours.replaceImage' : 'honours.uploadImage')}
      </Button>
    </>
  );
}
