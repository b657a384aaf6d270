import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../common/contract/files.js';
import { uploadNeedPhoto } from '../../api/needs.api.js';
import { PhotoPicker, PhotoThumbs } from '../../components/photo-picker.js';

/** The taker's photos for the completion report, uploaded as they are picked; at most nine. */
export function NeedPhotoPicker(props: {
  needId: string;
  onChange: (ids: string[]) => void;
  onBusy: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <PhotoPicker
      label={t('needs.photos.pick')}
      upload={(file) => uploadNeedPhoto(props.needId, file)}
      onChange={props.onChange}
      onBusy={props.onBusy}
      testId="need-photo"
    />
  );
}

/** The photos of a completed need, as thumbnails each opening the full photo. */
export function NeedPhotos({ photos }: { photos: Photo[] }) {
  return <PhotoThumbs photos={photos} testId="need-photo" />;
}
