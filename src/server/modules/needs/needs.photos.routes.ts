import fastifyMultipart from '@fastify/multipart';
import { IdParams, errorResponses } from '../../../common/contract/common.js';
import { StoredFileSchema } from '../../../common/contract/files.js';
import { badRequest, refusal } from '../../../common/errors.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { checkPhotoUpload, uploadNeedPhoto } from './needs.photos.js';

export function needPhotoRoutes(app: App): void {
  const maxBytes = app.ctx.config.files.maxBytes;
  const ctx = () => ({ db: app.ctx.database.db, cipher: app.ctx.cipher, files: app.ctx.files });
  const maxMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  const tooLarge = () =>
    refusal('PAYLOAD_TOO_LARGE', 'file_too_large', `The photo is larger than ${maxMb} MB`, { maxBytes, maxMb });

  // Multipart is parsed here only: every other route of the module takes JSON.
  void app.register(async (scope: App) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
    scope.post(
      '/api/v1/needs/:id/photos',
      {
        schema: {
          tags: ['needs'],
          summary: 'The taker uploads a photo for the completion report (JPEG or PNG; metadata such as GPS removed)',
          description:
            'multipart/form-data with one file part `photo`. The bytes decide the type, not the name: anything but ' +
            'JPEG or PNG answers 415 (HEIC too, for now), a photo over the size limit (SHANMEI_FILES_MAX_MB, 8 MB by ' +
            'default) 413; nothing is kept then. Attach the returned id with `photoIds` on POST /needs/:id/complete.',
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 201: StoredFileSchema, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await checkPhotoUpload(ctx(), actor, req.params.id);
        if (!req.isMultipart()) throw badRequest('body: send multipart/form-data with a photo', { field: 'body' });
        const part = await req.file();
        if (!part || part.fieldname !== 'photo') {
          part?.file.resume();
          throw badRequest('photo: send the photo as the file part "photo"', { field: 'body.photo' });
        }
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          throw err;
        }
        return reply.status(201).send(await uploadNeedPhoto(ctx(), actor, req.params.id, bytes));
      },
    );
  });
}
