import { z } from 'zod';

/** The kinds of file an import reads: people, organisations, sites (阵地) and late service records. */
export const IMPORT_KINDS = ['volunteers', 'organisations', 'sites', 'records'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const ImportKindSchema = z.enum(IMPORT_KINDS).describe('What the file holds');

export const IMPORT_FORMATS = ['xlsx', 'csv'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);

export const ImportStatus = z
  .enum(['queued', 'running', 'done', 'failed'])
  .describe('queued → running → done (every row accepted or reported) or failed (the file itself, see failure)');

export const ImportSchema = z
  .object({
    id: z.string(),
    kind: ImportKindSchema,
    status: ImportStatus,
    allOrNothing: z.boolean().describe('A file with any bad row writes nothing'),
    total: z.number().int().describe('Data rows read so far (the whole file once done)'),
    done: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int().describe('Rows refused; each reason is in the report'),
    progress: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('Share of the file handled, 0–1 (1 once done); null while unknown (queued, or all-or-nothing)'),
    reportUrl: z.string().nullable().describe('The error report (.xlsx; ?format=csv), once a row was refused'),
    failure: z
      .object({ reason: z.string(), message: z.string() })
      .nullable()
      .describe('Why the whole import failed (the file could not be read, a required column is missing…)'),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .describe('An import and how far it got');
export type ImportView = z.infer<typeof ImportSchema>;

export const ImportList = z
  .object({ items: z.array(ImportSchema) })
  .describe("The caller's latest imports (up to 20), newest first");

export const CreatedImport = z.object({ id: z.string(), status: ImportStatus });

export const ImportReportQuery = z.strictObject({
  format: ImportFormat.default('xlsx').describe('xlsx (default) or csv (UTF-8 with BOM)'),
});

export const TemplateParams = z.strictObject({ kind: ImportKindSchema });
export const TemplateQuery = ImportReportQuery;
