// POST /reports takes JSON (photos uploaded beforehand, by id) or, as API.md has it, one
// multipart/form-data body: the fields as text parts and up to 9 file parts `photo`. The
// multipart body is read before validation into the JSON shape (its photos held aside), so one
// schema checks both; the photos are stored only once the fields passed, and removed again if
// the report is refused, so a refused report leaves nothing behind.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { errorResponses } from '../../../common/contract/common.js';
import { MAX_PHOTOS } from '../../../common/contract/files.js';
import { CreateReportBody, ReportSchema } from '../../../common/contract/reports.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { forgetFiles, removeStored, uploadLimits } from '../files/index.js';
import { REPORTS_PER_USER_HOUR, takeReportSlot } from './reports.limits.js';
import { uploadReportPhoto } from './reports.photos.js';
import { submitReport } from './reports.service.js';

/** The text parts a multipart report may carry. */
const FIELDS = ['category', 'text', 'regionCode', 'observedAt', 'lat', 'lng'] as const;

const held = new WeakMap<FastifyRequest, Buffer[]>();

export function reportSubmitRoute(app: App): void {
  const ctx = () => ({ db: app.ctx.database.db, cipher: app.ctx.cipher, files: app.ctx.files });
  const { maxBytes, unreadable } = uploadLimits(app);

  /** Reads a multipart body: its text parts become the JSON body, its photos are held for the handler. */
  async function readMultipart(req: FastifyRequest): Promise<void> {
    if (!req.isMultipart()) return;
    const fields: Record<string, string> = {};
    const photos: Buffer[] = [];
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'photo') {
            part.file.resume();
            continue;
          }
          photos.push(await part.toBuffer());
        } else if ((FIELDS as readonly string[]).includes(part.fieldname) && typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
    } catch (err) {
      unreadable(err);
    }
    const { lat, lng, ...rest } = fields;
    const position = lat !== undefined || lng !== undefined ? { lat: Number(lat), lng: Number(lng) } : undefined;
    req.body = { ...rest, ...(position ? { position } : {}) };
    held.set(req, photos);
  }

  void app.register(async (scope: App) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: maxBytes, files: MAX_PHOTOS, fields: FIELDS.length, parts: MAX_PHOTOS + FIELDS.length },
    });
    scope.post(
      '/api/v1/reports',
      {
        preValidation: async (req) => {
          // Counted before the body is read: a refused report uploads nothing.
          await takeReportSlot(app.ctx, requireActor(req));
          await readMultipart(req);
        },
        schema: {
          tags: ['reports'],
          summary: 'Submit a report (随手拍): routed at once by the rules of its region, else queued for its admins',
          description:
            'JSON with `photoIds` uploaded beforehand (POST /reports/photos), or multipart/form-data with the same ' +
            'fields as text parts (`category`, `text`, `regionCode`, `observedAt`, and `lat` with `lng` only if the ' +
            `reporter agreed to give the position) and up to ${MAX_PHOTOS} file parts \`photo\` (JPEG, PNG or HEIC; ` +
            'anything else 415, over the size limit 413; nothing is kept then). Photos are kept re-encoded, ' +
            `without their metadata (EXIF, GPS). At most ${REPORTS_PER_USER_HOUR} reports per person an hour: 429 ` +
            'after, before the body is read.',
          consumes: ['application/json', 'multipart/form-data'],
          body: CreateReportBody,
          response: { 201: ReportSchema, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const photos = held.get(req) ?? [];
        const stored: string[] = [];
        try {
          for (const bytes of photos) stored.push((await uploadReportPhoto(ctx(), actor, bytes)).id);
          const body = photos.length ? { ...req.body, photoIds: stored } : req.body;
          return reply.status(201).send(await submitReport(ctx(), actor, body));
        } catch (err) {
          if (stored.length) {
            const keys = await forgetFiles(app.ctx.database.db, stored);
            await removeStored(app.ctx.files, keys, req.log);
          }
          throw err;
        }
      },
    );
  });
}
