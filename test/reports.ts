import { expect } from 'vitest';
import type { StoredFile } from '../src/common/contract/files.js';
import type { Report } from '../src/common/contract/reports.js';
import type { App } from '../src/server/context.js';
import type { BearerClient } from './bearer-client.js';
import { multipartForm, type FilePart } from './multipart.js';

/** Uploads one photo for a report as `c` (POST /reports/photos), answering the raw response. */
export function uploadReportPhoto(app: App, c: BearerClient, file: FilePart) {
  const body = multipartForm({}, [['photo', file]]);
  return app.inject({
    method: 'POST',
    url: '/api/v1/reports/photos',
    headers: { authorization: `Bearer ${c.token}`, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** A report sent as one multipart body (fields and `photo` parts), answering the raw response. */
export function submitMultipart(app: App, c: BearerClient, fields: Record<string, string>, photos: FilePart[]) {
  const body = multipartForm(
    fields,
    photos.map((p) => ['photo', p]),
  );
  return app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: { authorization: `Bearer ${c.token}`, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** A stored photo that must have been accepted. */
export async function uploadedPhoto(app: App, c: BearerClient, file: FilePart): Promise<StoredFile> {
  const res = await uploadReportPhoto(app, c, file);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as StoredFile;
}

/** A report the caller submits as JSON, which must be accepted. */
export async function submitted(c: BearerClient, body: Record<string, unknown>): Promise<Report> {
  const res = await c.post('/api/v1/reports', { text: '河边有人倾倒垃圾', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Report;
}

/** A step that must succeed; the report after it. */
export async function reportStep(c: BearerClient, url: string, payload: unknown): Promise<Report> {
  const res = await c.post(url, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Report;
}
