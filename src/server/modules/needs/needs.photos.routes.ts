import type { App } from '../../context.js';
import { photoUploadRoute } from '../files/index.js';
import { checkPhotoUpload, uploadNeedPhoto } from './needs.photos.js';

export function needPhotoRoutes(app: App): void {
  const ctx = () => ({ db: app.ctx.database.db, cipher: app.ctx.cipher, files: app.ctx.files });
  photoUploadRoute(app, {
    path: '/api/v1/needs/:id/photos',
    tags: ['needs'],
    summary: 'The taker uploads a photo for the completion report (JPEG or PNG; metadata such as GPS removed)',
    attach: 'Attach the returned id with `photoIds` on POST /needs/:id/complete.',
    check: (actor, id) => checkPhotoUpload(ctx(), actor, id),
    store: (actor, id, bytes) => uploadNeedPhoto(ctx(), actor, id, bytes),
  });
}
