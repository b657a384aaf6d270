import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HonourView } from '../../../common/contract/honours.js';
import {
  clientFor,
  makeOrganisationTree,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { isoIn } from '../../../../test/clock.js';
import { makeAdmin, makeVolunteer, REGIONS } from '../../../../test/factories.js';
import { multipartFile } from '../../../../test/multipart.js';
import { filesUnder } from '../../../../test/need-photos.js';
import { jpegWithGps, oversizedJpeg } from '../../../../test/photos.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import type { Actor } from '../../platform/access/policy.js';
import { storePhoto } from '../files/index.js';
import { HONOUR_IMAGE, honourImageSweeper, UNWANTED_GRACE_MS } from './honours.image.js';

describe.each(DIALECTS)("honours' certificate images on %s", (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let yuzhongAdmin: BearerClient;
  let shapingbaAdmin: BearerClient;
  let projectId: string;

  const admin = async (role: 'region_admin' | 'system_admin', scopeId: string) =>
    clientFor(t.app, (await makeAdmin(t.tdb.db, role, scopeId)).id);
  const record = async (c: BearerClient, subjectKind: string, subjectId: string) => {
    const res = await c.post('/api/v1/honours', {
      subjectKind,
      subjectId,
      name: '全国志愿服务优秀项目',
      level: 'national',
      year: 2024,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as HonourView;
  };
  const upload = (c: BearerClient, id: string, file: { name: string; type: string; bytes: Buffer }) => {
    const body = multipartFile('image', file);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/honours/${id}/image`,
      headers: { authorization: `Bearer ${c.token}`, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const uploaded = async (c: BearerClient, id: string, bytes: Buffer) => {
    const res = await upload(c, id, { name: '证书.jpg', type: 'image/jpeg', bytes });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as HonourView;
  };
  const listed = async (c: BearerClient | null, kind: string, subjectId: string) => {
    const url = `/api/v1/honours?subjectKind=${kind}&subjectId=${subjectId}`;
    const res = c ? await c.get(url) : await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: HonourView[] }).items;
  };
  const fileRows = () => t.tdb.db.selectFrom('files').select('id').where('owner_kind', '=', HONOUR_IMAGE).execute();
  const png = () =>
    sharp({ create: { width: 60, height: 40, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();

  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { SHANMEI_FILES_MAX_MB: '0.5' } });
    tree = await makeOrganisationTree(t.app);
    yuzhongAdmin = await admin('region_admin', REGIONS.yuzhong);
    shapingbaAdmin = await admin('region_admin', REGIONS.shapingba);
    const project = await tree.departmentAdmin.client.post('/api/v1/projects', {
      name: '共护母亲河',
      departmentId: tree.departmentId,
      field: 'ecology',
    });
    expect(project.statusCode).toBe(201);
    projectId = project.json().id;
  });
  afterAll(() => t.close());

  it("keeps a project honour's image without its metadata, lists it for those signed in, and replaces it", async () => {
    const h = await record(tree.departmentAdmin.client, 'project', projectId);
    expect(h.image).toBeNull();
    const withImage = await uploaded(tree.departmentAdmin.client, h.id, await jpegWithGps({}));
    const first = withImage.image;
    expect(first).toEqual({
      url: expect.stringMatching(/^\/api\/v1\/files\/[0-9a-f-]+$/),
      thumbnailUrl: expect.stringMatching(/^\/api\/v1\/files\/[0-9a-f-]+\/thumbnail$/),
    });
    expect(filesUnder(t.filesDir)).toHaveLength(2);

    // Anyone signed in sees it in the list and opens it; without a session the list shows none.
    const someone = await clientFor(t.app, (await makeVolunteer(t.app, { regionCode: REGIONS.shapingba })).userId);
    expect((await listed(someone, 'project', projectId)).find((x) => x.id === h.id)?.image).toEqual(first);
    expect((await listed(null, 'project', projectId)).find((x) => x.id === h.id)?.image).toBeNull();
    const served = await someone.get(first?.url ?? '');
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(await exifr.gps(served.rawPayload)).toBeUndefined();
    expect((await someone.get(first?.thumbnailUrl ?? '')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: first?.url ?? '' })).statusCode).toBe(404);

    // Another upload replaces it: the old file's row and bytes are gone, its links answer 404.
    const replaced = await uploaded(tree.departmentAdmin.client, h.id, await png());
    expect(replaced.image?.url).not.toBe(first?.url);
    expect(filesUnder(t.filesDir)).toHaveLength(2);
    expect(await fileRows()).toHaveLength(1);
    expect((await someone.get(first?.url ?? '')).statusCode).toBe(404);
    const now = await someone.get(replaced.image?.url ?? '');
    expect(now.statusCode).toBe(200);
    expect(now.headers['content-type']).toBe('image/png');

    // Deleting the honour deletes its image.
    expect((await tree.departmentAdmin.client.del(`/api/v1/honours/${h.id}`)).statusCode).toBe(204);
    expect(filesUnder(t.filesDir)).toHaveLength(0);
    expect(await fileRows()).toHaveLength(0);
    expect((await someone.get(replaced.image?.url ?? '')).statusCode).toBe(404);
  });

  it("shows a volunteer honour's image to the person and admins with a duty only; only its recorders upload", async () => {
    const v = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei });
    const person = await clientFor(t.app, v.userId);
    const stranger = await clientFor(t.app, (await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei })).userId);
    const h = await record(yuzhongAdmin, 'volunteer', v.id);
    const bytes = await jpegWithGps({ width: 80, height: 60 });
    const file = { name: 'a.jpg', type: 'image/jpeg', bytes };
    expect((await upload(shapingbaAdmin, h.id, file)).statusCode).toBe(404);
    expect((await upload(tree.departmentAdmin.client, h.id, file)).statusCode).toBe(403);
    expect((await upload(person, h.id, file)).statusCode).toBe(403);
    expect((await upload(yuzhongAdmin, 'no-such-honour', file)).statusCode).toBe(404);
    expect(await fileRows()).toHaveLength(0);

    const image = (await uploaded(yuzhongAdmin, h.id, bytes)).image;
    expect((await listed(person, 'volunteer', v.id))[0]?.image).toEqual(image);
    for (const c of [person, yuzhongAdmin]) expect((await c.get(image?.thumbnailUrl ?? '')).statusCode).toBe(200);
    for (const c of [stranger, shapingbaAdmin, tree.departmentAdmin.client]) {
      expect((await c.get(image?.url ?? '')).statusCode).toBe(404);
      expect((await c.get(image?.thumbnailUrl ?? '')).statusCode).toBe(404);
    }
  });

  it('refuses a text file (415), an image over the limit (413) and a broken body (400), keeping nothing and the image it had', async () => {
    const h = await record(tree.departmentAdmin.client, 'organisation', tree.departmentId);
    const kept = (await uploaded(tree.departmentAdmin.client, h.id, await png())).image;
    const rowsBefore = (await fileRows()).length;
    const filesBefore = filesUnder(t.filesDir).length;
    const text = await upload(tree.departmentAdmin.client, h.id, {
      name: '证书.jpg',
      type: 'image/jpeg',
      bytes: Buffer.from('这不是图片，只是一段文字。'),
    });
    expect(text.statusCode, text.body).toBe(415);
    expect(text.json()).toMatchObject({
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', details: { reason: 'file_type_not_allowed' } },
    });
    const big = await oversizedJpeg();
    const tooBig = await upload(tree.departmentAdmin.client, h.id, { name: 'big.jpg', type: 'image/jpeg', bytes: big });
    expect(tooBig.statusCode, tooBig.body).toBe(413);
    expect(tooBig.json()).toMatchObject({ error: { details: { reason: 'file_too_large' } } });
    const wrongPart = multipartFile('photo', { name: 'a.png', type: 'image/png', bytes: await png() });
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/v1/honours/${h.id}/image`,
      headers: { authorization: `Bearer ${tree.departmentAdmin.client.token}`, 'content-type': wrongPart.contentType },
      payload: wrongPart.payload,
    });
    expect(wrong.statusCode).toBe(400);
    // A body the multipart parser cannot read (cut short) is a 400, not a 500.
    const cut = await t.app.inject({
      method: 'POST',
      url: `/api/v1/honours/${h.id}/image`,
      headers: {
        authorization: `Bearer ${tree.departmentAdmin.client.token}`,
        'content-type': 'multipart/form-data; boundary=x',
      },
      payload: '--x\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\n\r\nabc',
    });
    expect(cut.statusCode, cut.body).toBe(400);
    expect((await fileRows()).length).toBe(rowsBefore);
    expect(filesUnder(t.filesDir)).toHaveLength(filesBefore);
    expect((await listed(tree.departmentAdmin.client, 'organisation', tree.departmentId))[0]?.image).toEqual(kept);
  });

  it('sweeps, after an hour, images that are not their honour’s: left by an interrupted upload or a deleted honour', async () => {
    const h = await record(tree.departmentAdmin.client, 'project', projectId);
    await uploaded(tree.departmentAdmin.client, h.id, await png());
    // An upload whose honour was never updated (the process stopped between the two).
    const ctx = { db: t.tdb.db, files: t.app.ctx.files };
    const actor = { userId: tree.departmentAdmin.userId } as Actor;
    const left = await storePhoto(ctx, actor, { kind: HONOUR_IMAGE, id: h.id }, await png());
    const gone = await storePhoto(ctx, actor, { kind: HONOUR_IMAGE, id: 'deleted-honour' }, await png());
    expect(await honourImageSweeper(t.tdb.db, isoIn(), 100)).toEqual([]);
    expect((await honourImageSweeper(t.tdb.db, isoIn(UNWANTED_GRACE_MS + 60_000), 100)).sort()).toEqual(
      [left.id, gone.id].sort(),
    );
  });
});
