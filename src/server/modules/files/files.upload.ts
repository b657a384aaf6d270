import fastifyMultipart from '@fastify/multipart';
import type { z } from 'zod';
import { IdParams, errorResponses } from '../../../common/contract/common.js';
import { badRequest, refusal } from '../../../common/errors.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { StoredFileSchema, type StoredFile } from '../../../common/contract/files.js';
import type { Actor } from '../../platform/access/policy.js';
import { unreadableMultipart } from '../../platform/multipart.js';

/** One image upload route `POST <url>` (with an `:id` in it, or none): what the owning module says of it. */
export interface ImageUploadRoute<T> {
  url: string;
  /** The multipart file part that carries the image. */
  field: string;
  tags: string[];
  summary: string;
  description: string;
  response: { status: 200 | 201; schema: z.ZodType<T> };
  /** Refuses the upload before its bytes are read (who may, and whether the thing takes one now). */
  check(actor: Actor, id: string): Promise<void>;
  /** Keeps the bytes (checked again: the thing may have moved on meanwhile); the answer. */
  store(actor: Actor, id: string, bytes: Buffer, log: App['log']): Promise<T>;
}

/**
 * The size limit of one uploaded image (SHANMEI_FILES_MAX_MB), and what to throw when reading a
 * multipart body failed: 413 `file_too_large` past the limit, else as `unreadableMultipart`.
 */
export function uploadLimits(app: App) {
  const maxBytes = app.ctx.config.files.maxBytes;
  const maxMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  const tooLarge = () =>
    refusal('PAYLOAD_TOO_LARGE', 'file_too_large', `The image is larger than ${maxMb} MB`, { maxBytes, maxMb });
  /** A body the multipart parser cannot read (cut short, a bad boundary) is the caller's mistake: 400, not 500. */
  const unreadable = (err: unknown): never => {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    return unreadableMultipart(err);
  };
  return { maxBytes, unreadable };
}

/**
 * Registers an upload of one image as multipart/form-data, parsed in its own scope (every other
 * route takes JSON): at most one file part of SHANMEI_FILES_MAX_MB, refused with 413 past it; a
 * body the parser cannot read answers 400.
 */
export function imageUploadRoute<T>(app: App, r: ImageUploadRoute<T>): void {
  const { maxBytes, unreadable } = uploadLimits(app);
  // Typed loosely: the route answers the module's status and schema, or one of the errors.
  const response: Record<number, z.ZodType> = {
    [r.response.status]: r.response.schema,
    413: errorResponses[400],
    415: errorResponses[400],
    ...errorResponses,
  };
  void app.register(async (scope: App) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
    scope.post(
      r.url,
      {
        schema: {
          tags: r.tags,
          summary: r.summary,
          description: r.description,
          consumes: ['multipart/form-data'],
          ...(r.url.includes(':id') ? { params: IdParams } : {}),
          response,
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        // An upload to no one thing yet (a report's photo before the report) has no id.
        const id = (req.params as { id?: string }).id ?? '';
        await r.check(actor, id);
        if (!req.isMultipart()) throw badRequest('body: send multipart/form-data with an image', { field: 'body' });
        const part = await req.file().catch(unreadable);
        if (!part || part.fieldname !== r.field) {
          part?.file.resume();
          throw badRequest(`${r.field}: send the image as the file part "${r.field}"`, { field: `body.${r.field}` });
        }
        const bytes = await part.toBuffer().catch(unreadable);
        return reply.status(r.response.status).send(await r.store(actor, id, bytes, req.log));
      },
    );
  });
}

/** A module's photo upload, `POST path` (with an `:id`, or none): one file part `photo`, answered 201 with the stored file. */
export interface PhotoUploadRoute {
  path: string;
  tags: string[];
  summary: string;
  /** Where the returned id is attached, for the description. */
  attach: string;
  check(actor: Actor, id: string): Promise<void>;
  store(actor: Actor, id: string, bytes: Buffer): Promise<StoredFile>;
}

/** A photo to attach later by its id (needs' completion, plans' evidence and receipts). */
export function photoUploadRoute(app: App, r: PhotoUploadRoute): void {
  imageUploadRoute(app, {
    url: r.path,
    field: 'photo',
    tags: r.tags,
    summary: r.summary,
    description:
      'multipart/form-data with one file part `photo`. The bytes decide the type, not the name: anything but ' +
      'JPEG, PNG or HEIC (stored as JPEG) answers 415, a photo over the size limit (SHANMEI_FILES_MAX_MB, 8 MB by ' +
      `default) 413; nothing is kept then. ${r.attach}`,
    response: { status: 201, schema: StoredFileSchema },
    check: r.check,
    store: (actor, id, bytes) => r.store(actor, id, bytes),
  });
}
