import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredFile } from '../../../common/contract/files.js';
import type { Story } from '../../../common/contract/stories.js';
import { makeOrganisationTree, type BearerClient } from '../../../../test/activity-factories.js';
import { freezeClock, type FrozenClock } from '../../../../test/clock.js';
import { multipartFile } from '../../../../test/multipart.js';
import { filesUnder } from '../../../../test/need-photos.js';
import { jpegWithGps } from '../../../../test/photos.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { sweepFiles } from '../files/index.js';

const HOUR = 3_600_000;

describe.each(DIALECTS)('photos of stories on %s', (dialect) => {
  let t: TestApp;
  let clock: FrozenClock;
  let writer: BearerClient;
  let story: Story;
  let photo: Buffer;

  const uploaded = async () => {
    const body = multipartFile('photo', { name: 'a.jpg', type: 'image/jpeg', bytes: photo });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/stories/${story.id}/photos`,
      headers: { authorization: `Bearer ${writer.token}`, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as StoredFile;
  };
  const rowIds = async () => (await t.tdb.db.selectFrom('files').select('id').execute()).map((r) => r.id);
  const onDisk = (id: string) => filesUnder(t.filesDir).some((p) => p.endsWith(`/${id}`));

  beforeAll(async () => {
    clock = freezeClock('2026-06-20T02:00:00Z');
    t = await createTestApp(dialect);
    const tree = await makeOrganisationTree(t.app);
    writer = tree.teamAdmin.client;
    photo = await jpegWithGps({ width: 80, height: 60 });
    const res = await writer.post('/api/v1/stories', {
      organisationId: tree.teamId,
      title: '江岸清洁',
      summary: '清理江岸',
      field: 'ecology',
    });
    story = res.json();
  });
  afterAll(async () => {
    clock.restore();
    await t.close();
  });

  it('sweeps photos never used in the body or as the cover once the grace has passed', async () => {
    const cover = await uploaded();
    const inBody = await uploaded();
    const unused = await uploaded();
    const body = { type: 'doc', content: [{ type: 'image', attrs: { fileId: inBody.id, alt: '江岸' } }] };
    expect((await writer.patch(`/api/v1/stories/${story.id}`, { coverFileId: cover.id, body })).statusCode).toBe(200);
    const sweep = () => sweepFiles({ db: t.app.ctx.database.db, files: t.app.ctx.files });
    clock.advance(2 * HOUR);
    expect(await sweep()).toMatchObject({ ran: true, deleted: 0 });
    clock.advance(47 * HOUR);
    const run = await sweep();
    expect(run).toMatchObject({ ran: true, deleted: 1 });
    const ids = await rowIds();
    expect(ids).not.toContain(unused.id);
    expect(onDisk(unused.id)).toBe(false);
    for (const id of [cover.id, inBody.id]) {
      expect(ids).toContain(id);
      expect(onDisk(id)).toBe(true);
    }
  });
});
