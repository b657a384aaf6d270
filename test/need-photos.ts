import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Need } from '../src/common/contract/needs.js';
import type { App } from '../src/server/context.js';
import type { BearerClient } from './bearer-client.js';
import { REGIONS } from './factories.js';
import { multipartFile } from './multipart.js';

/** Every file under a folder, however deep. */
export const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name))
    : [];

/** Uploads one photo for a need as `c` (POST /needs/:id/photos), answering the raw response. */
export function uploadNeedPhoto(
  app: App,
  c: BearerClient,
  needId: string,
  file: { name: string; type: string; bytes: Buffer },
) {
  const body = multipartFile('photo', file);
  return app.inject({
    method: 'POST',
    url: `/api/v1/needs/${needId}/photos`,
    headers: { authorization: `Bearer ${c.token}`, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** A step of a need that must succeed; the need after it. */
export async function needStep(c: BearerClient, url: string, payload: unknown = {}): Promise<Need> {
  const res = await c.post(url, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Need;
}

/** A need the resident posts in 解放碑, accepted and dispatched to the team by the admin, taken by `taker`. */
export async function takenNeed(
  p: { resident: BearerClient; regionAdmin: BearerClient; organisationId: string; taker: BearerClient },
  text = '独居老人需要买菜',
): Promise<string> {
  const res = await p.resident.post('/api/v1/needs', {
    type: 'elderly_care',
    text,
    regionCode: REGIONS.jiefangbei,
    address: '民族路 88 号',
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as Need).id;
  await needStep(p.regionAdmin, `/api/v1/needs/${id}/review`, { decision: 'accept' });
  await needStep(p.regionAdmin, `/api/v1/needs/${id}/dispatch`, { organisationId: p.organisationId });
  await needStep(p.taker, `/api/v1/needs/${id}/take`);
  return id;
}
