import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { IdParams, errorResponses } from '../../../common/contract/common.js';
import {
  CreatedImport,
  IMPORT_KINDS,
  ImportList,
  ImportReportQuery,
  ImportSchema,
  TemplateParams,
  TemplateQuery,
  type ImportKind,
} from '../../../common/contract/imports.js';
import type { Locale } from '../../../common/enums.js';
import { badRequest } from '../../../common/errors.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { XLSX_TYPE } from '../../platform/xlsx.js';
import { unreadableMultipart } from '../../platform/multipart.js';
import * as service from './imports.service.js';
import { pollImports } from './imports.worker.js';

/** The largest upload: a million-row CSV register is about 150 MB. */
export const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;

const Lang = z.strictObject({ lang: z.enum(['zh-CN', 'en']).default('zh-CN').describe('Language of the messages') });
const typeOf = (format: 'xlsx' | 'csv') => (format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);

export function importsRoutes(app: App): void {
  const tags = ['imports'];
  const db = () => app.ctx.database.db;

  // Multipart is parsed here only: every other route takes JSON.
  void app.register(async (scope: App) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5 } });

    scope.post(
      '/api/v1/imports',
      {
        schema: {
          tags,
          summary:
            'Import a spreadsheet (.xlsx or .csv) of volunteers, organisations, sites or late service records; runs in the background (admins with a region duty)',
          description:
            'multipart/form-data: `kind` (volunteers, organisations, sites or records), optional `allOrNothing` (true: any bad row and nothing is ' +
            'written), then `file`. By default the good rows go in and each bad one is reported. 202 with the id; ' +
            'GET /api/v1/imports/:id follows it.',
          consumes: ['multipart/form-data'],
          response: { 202: CreatedImport, 413: errorResponses[400], ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        service.requireImporter(actor);
        if (!req.isMultipart())
          throw badRequest('body: send multipart/form-data with kind and file', { field: 'body' });
        const fields: Record<string, string> = {};
        let created: { id: string; status: 'queued' } | null = null;
        // Read part by part: what the parser throws (a body cut short) is the caller's mistake.
        const parts = req.parts();
        for (;;) {
          const next = await parts.next().catch(unreadableMultipart);
          if (next.done) break;
          const part = next.value;
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          if (part.fieldname !== 'file' || created) {
            part.file.resume();
            continue;
          }
          const kind = fields.kind as ImportKind | undefined;
          if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
            part.file.resume();
            throw badRequest(`kind: must be one of ${IMPORT_KINDS.join(', ')}, sent before the file`, {
              field: 'body.kind',
            });
          }
          const allOrNothing = ['true', '1', 'on'].includes((fields.allOrNothing ?? '').toLowerCase());
          created = await service.createImport(
            app.ctx,
            actor,
            { kind, allOrNothing, filename: part.filename },
            { stream: part.file },
          );
          if (part.file.truncated) throw badRequest('file: too large', { field: 'body.file' });
        }
        if (!created) throw badRequest('file: no file was sent', { field: 'body.file' });
        // Started before the answer, so a caller that waits for the worker finds it running.
        await pollImports(app.ctx, app.log);
        return reply.status(202).send(created);
      },
    );
  });

  app.get(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: 'My latest imports, newest first (admins with a region duty)',
        querystring: Lang,
        response: { 200: ImportList, ...errorResponses },
      },
    },
    async (req) => service.myImports(db(), requireActor(req), req.query.lang as Locale),
  );

  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags,
        summary: 'How far an import got (the one who started it)',
        params: IdParams,
        querystring: Lang,
        response: { 200: ImportSchema, ...errorResponses },
      },
    },
    async (req) => service.showImport(db(), requireActor(req), req.params.id, req.query.lang as Locale),
  );

  app.get(
    '/api/v1/imports/:id/report',
    {
      schema: {
        tags,
        summary: "An import's error report: row, column and reason of every refused row",
        params: IdParams,
        querystring: ImportReportQuery.extend(Lang.shape),
        response: { 200: z.any().describe('The .xlsx or .csv file'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const file = await service.importReport(
        db(),
        requireActor(req),
        req.params.id,
        req.query.format,
        req.query.lang as Locale,
      );
      return reply
        .header('content-type', typeOf(req.query.format))
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );

  app.get(
    '/api/v1/imports/templates/:kind',
    {
      schema: {
        tags,
        summary: 'The template of an import: its first row holds the headers the importer expects',
        params: TemplateParams,
        querystring: TemplateQuery,
        response: { 200: z.any().describe('The .xlsx or .csv file'), ...errorResponses },
      },
    },
    async (req, reply) => {
      service.requireImporter(requireActor(req));
      const body = await service.template(req.params.kind, req.query.format);
      return reply
        .header('content-type', typeOf(req.query.format))
        .header('content-disposition', `attachment; filename="${req.params.kind}_template.${req.query.format}"`)
        .send(body);
    },
  );
}
