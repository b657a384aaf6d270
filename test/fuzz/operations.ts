/**
 * The operations of /api/v1/openapi.json, read once from the test app, shared by the fuzz and
 * the access matrix (and the same walk auth.security.test.ts makes).
 */
import type { TestApp } from '../test-app.js';
import type { JsonSchema } from './schema-arbitrary.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  method: Method;
  path: string;
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, unknown>;
}

export interface ApiDocument {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
}

/** The API document and its operations, in document order. */
export async function readOperations(t: TestApp): Promise<{ doc: ApiDocument; ops: Operation[] }> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as ApiDocument;
  const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([m, op]) => ({ ...op, method: m.toUpperCase() as Method, path })),
  );
  return { doc, ops };
}

/** The JSON body schema of an operation, if it takes one. */
export const bodySchemaOf = (op: Operation): JsonSchema | undefined =>
  op.requestBody?.content?.['application/json']?.schema;

/** `{name}` placeholders of a path, in order. */
export const pathParamsOf = (path: string): { name: string; segment: string }[] => {
  const parts = path.split('/');
  const out: { name: string; segment: string }[] = [];
  parts.forEach((p, i) => {
    const m = /\{(\w+)\}/.exec(p);
    if (m) out.push({ name: m[1] as string, segment: parts[i - 1] ?? '' });
  });
  return out;
};
