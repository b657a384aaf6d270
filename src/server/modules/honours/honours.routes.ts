import { z } from 'zod';
import { IdParams, errorResponses, OPTIONAL_AUTH, PUBLIC } from '../../../common/contract/common.js';
import {
  HonourList,
  HonourListQuery,
  HonourSummary,
  HonourSummaryQuery,
  HonourViewSchema,
  RecordHonourBody,
} from '../../../common/contract/honours.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { imageUploadRoute } from '../files/index.js';
import { uploadHonourImage } from './honours.image.js';
import * as service from './honours.service.js';

export function honourRoutes(app: App): void {
  const tags = ['honours'];
  const db = () => app.ctx.database.db;
  const ctx = () => ({ db: db(), files: app.ctx.files });

  app.post(
    '/api/v1/honours',
    {
      schema: {
        tags,
        summary:
          "Record an honour of a project or organisation (its department, region or system admins) or of a volunteer (region or system admins over their region; earns the rule's honour bonus)",
        body: RecordHonourBody,
        response: { 201: HonourViewSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordHonour(db(), requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/honours',
    {
      schema: {
        security: OPTIONAL_AUTH,
        tags,
        summary:
          "A subject's honours: public for projects and organisations; a volunteer's for the person and admins with a duty over their region",
        querystring: HonourListQuery,
        response: { 200: HonourList, ...errorResponses },
      },
    },
    async (req) => service.listHonours(db(), req.actor, req.query),
  );

  app.get(
    '/api/v1/honours/summary',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'Honours counted by level and by what won them, in a region subtree (aggregates only)',
        querystring: HonourSummaryQuery,
        response: { 200: HonourSummary, ...errorResponses },
      },
    },
    async (req) => service.honourSummary(db(), req.query),
  );

  app.delete(
    '/api/v1/honours/:id',
    {
      schema: {
        tags,
        summary: "Delete an honour (the recorder's scope); a volunteer's takes back the points it earned",
        params: IdParams,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.deleteHonour(ctx(), requireActor(req), req.params.id, req.log);
      return reply.status(204).send(null);
    },
  );

  imageUploadRoute(app, {
    url: '/api/v1/honours/:id/image',
    field: 'image',
    tags,
    summary:
      "Upload an honour's certificate image (证书图片), replacing the one it had (whoever may record and delete the honour)",
    description:
      'multipart/form-data with one file part `image`. The bytes decide the type, not the name: anything but JPEG, ' +
      'PNG or HEIC (stored as JPEG) answers 415, an image over the size limit (SHANMEI_FILES_MAX_MB, 8 MB by default) ' +
      "413; nothing is kept then. Kept without its metadata; the honour's `image` links to it and its thumbnail, " +
      'served to whoever may list the honour. The image it replaces is deleted.',
    response: { status: 200, schema: HonourViewSchema },
    check: async (actor, id) => {
      await service.honourForRecorder(db(), actor, id);
    },
    store: (actor, id, bytes, log) => uploadHonourImage(ctx(), actor, id, bytes, log),
  });
}
