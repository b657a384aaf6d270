import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredFile } from '../../../common/contract/files.js';
import type { Story, StoryCard, StoryTip } from '../../../common/contract/stories.js';
import {
  clientFor,
  makeOrganisationTree,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeAdmin, REGIONS } from '../../../../test/factories.js';
import { multipartFile } from '../../../../test/multipart.js';
import { jpegWithGps } from '../../../../test/photos.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

const INDEX = '<!doctype html><html><head><title>善美志愿</title></head><body><div id="root"></div></body></html>';

describe.each(DIALECTS)('stories (志愿风采) on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let webRoot: string;
  let writer: BearerClient;
  let dept: BearerClient;
  let yuzhong: BearerClient;
  let shapingba: BearerClient;
  let outsider: BearerClient;
  let photo: Buffer;
  let story: Story;
  let image: StoredFile;

  const anon = (url: string, method: 'GET' | 'POST' = 'GET', payload?: Record<string, unknown>) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}) });
  const upload = async (c: BearerClient, id: string) => {
    const body = multipartFile('photo', { name: 'a.jpg', type: 'image/jpeg', bytes: photo });
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/stories/${id}/photos`,
      headers: { authorization: `Bearer ${c.token}`, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const portal = async (query = '') =>
    ((await anon(`/api/v1/stories${query}`)).json() as { items: StoryCard[] }).items.map((s) => s.id);
  /** A story of `organisationId` written by `c`, with a body, sent for review: its id. */
  const submittedStory = async (c: BearerClient, organisationId: string, title: string) => {
    const made = await c.post('/api/v1/stories', { organisationId, title, summary: '摘要', field: 'ecology' });
    expect(made.statusCode, made.body).toBe(201);
    const id = (made.json() as Story).id;
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '江边的故事' }] }] };
    expect((await c.patch(`/api/v1/stories/${id}`, { body })).statusCode).toBe(200);
    expect((await c.post(`/api/v1/stories/${id}/submit`)).statusCode).toBe(200);
    return id;
  };
  const storyRow = () =>
    t.tdb.db.selectFrom('stories').selectAll().where('id', '=', story.id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'shanmei-stories-'));
    writeFileSync(join(webRoot, 'index.html'), INDEX);
    t = await createTestApp(dialect, { webRoot });
    tree = await makeOrganisationTree(t.app);
    writer = tree.teamAdmin.client;
    dept = tree.departmentAdmin.client;
    outsider = tree.otherTeamAdmin.client;
    yuzhong = await clientFor(t.app, (await makeAdmin(t.tdb.db, 'region_admin', REGIONS.yuzhong)).id);
    shapingba = await clientFor(t.app, (await makeAdmin(t.tdb.db, 'region_admin', REGIONS.shapingba)).id);
    photo = await jpegWithGps({ width: 80, height: 60 });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('keeps a draft off the portal and sanitises its body to the allow-list and its own photos', async () => {
    const created = await writer.post('/api/v1/stories', {
      organisationId: tree.teamId,
      title: '嘉陵江边的守护者',
      summary: '渝中区生态环境志愿服务队清理江岸垃圾',
      field: 'ecology',
    });
    expect(created.statusCode, created.body).toBe(201);
    story = created.json();
    expect(story).toMatchObject({ status: 'draft', regionCode: REGIONS.yuzhong, canEdit: true, canReview: false });
    const up = await upload(writer, story.id);
    expect(up.statusCode, up.body).toBe(201);
    image = up.json();
    const patched = await writer.patch(`/api/v1/stories/${story.id}`, {
      coverFileId: image.id,
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2, onclick: 'x()' }, content: [{ type: 'text', text: '清晨' }] },
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: '队员们',
                marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'javascript:x()' } }],
              },
              { type: 'html', text: '<script>alert(1)</script>' },
            ],
          },
          { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
          { type: 'iframe', attrs: { src: 'https://evil.example/' } },
          { type: 'image', attrs: { src: 'https://evil.example/a.png', alt: '外链' } },
          { type: 'image', attrs: { src: `/api/v1/files/${image.id}`, alt: '江岸' } },
        ],
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const body = (patched.json() as Story).body;
    expect(body.content).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '清晨' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '队员们', marks: [{ type: 'bold' }] }] },
      { type: 'image', attrs: { fileId: image.id, alt: '江岸' } },
    ]);
    const stored = await storyRow();
    expect(stored.body).not.toMatch(/script|evil|javascript|onclick|iframe/);
    expect(JSON.parse(stored.photo_ids)).toEqual([image.id]);

    // A photo of another story is not this one's: refused as a cover, dropped from a body.
    const other = (
      await writer.post('/api/v1/stories', {
        organisationId: tree.teamId,
        title: '另一篇',
        summary: '另一篇',
        field: 'ecology',
      })
    ).json() as Story;
    const foreign = ((await upload(writer, other.id)).json() as StoredFile).id;
    const refused = await writer.patch(`/api/v1/stories/${story.id}`, { coverFileId: foreign });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.reason).toBe('photo_unknown');
    const dropped = await writer.patch(`/api/v1/stories/${other.id}`, {
      body: { type: 'doc', content: [{ type: 'image', attrs: { fileId: image.id, alt: '' } }] },
    });
    expect((dropped.json() as Story).body.content).toEqual([]);

    expect(await portal()).not.toContain(story.id);
    expect((await anon(`/api/v1/stories/${story.id}`)).statusCode).toBe(404);
    expect((await anon(`/api/v1/files/${image.id}/thumbnail`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/stories/${story.id}`)).statusCode).toBe(404);
    expect((await dept.get(`/api/v1/files/${image.id}`)).statusCode).toBe(200);
  });

  it('refuses bad input with a 4xx and changes nothing', async () => {
    const before = await storyRow();
    const cases: [unknown, number][] = [
      [{ title: '' }, 400],
      [{ body: '<p>html</p>' }, 400],
      [{ field: 'no-such-field' }, 422],
      [{ regionCode: REGIONS.shapingba }, 422],
      [{ activityId: 'nope' }, 422],
      [{ nonsense: 1 }, 400],
    ];
    for (const [payload, status] of cases) {
      const res = await writer.patch(`/api/v1/stories/${story.id}`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
    }
    expect(await storyRow()).toEqual(before);
    expect((await writer.post(`/api/v1/stories/${story.id}/approve`)).statusCode).toBe(403);
    expect((await dept.post(`/api/v1/stories/${story.id}/approve`)).statusCode).toBe(409);
    expect(
      (
        await outsider.post('/api/v1/stories', {
          organisationId: tree.teamId,
          title: 'x',
          summary: 'x',
          field: 'ecology',
        })
      ).statusCode,
    ).toBe(403);
    expect((await anon('/api/v1/stories', 'POST', { organisationId: tree.teamId })).statusCode).toBe(401);
  });

  it('lets only the parent organisation or a region admin in scope approve; then the portal shows it', async () => {
    const submitted = await writer.post(`/api/v1/stories/${story.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await writer.patch(`/api/v1/stories/${story.id}`, { title: '改' })).statusCode).toBe(409);
    const queue = (await dept.get('/api/v1/stories/manage?view=review')).json() as { items: StoryCard[] };
    expect(queue.items.map((s) => s.id)).toContain(story.id);
    expect(((await outsider.get('/api/v1/stories/manage?view=review')).json() as { items: [] }).items).toEqual([]);
    expect((await outsider.post(`/api/v1/stories/${story.id}/approve`)).statusCode).toBe(404);
    expect((await shapingba.post(`/api/v1/stories/${story.id}/approve`)).statusCode).toBe(404);
    const own = await writer.post(`/api/v1/stories/${story.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(await portal()).not.toContain(story.id);

    const returned = await yuzhong.post(`/api/v1/stories/${story.id}/return`, { reason: '请补充活动时间' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请补充活动时间' });
    expect((await writer.post(`/api/v1/stories/${story.id}/submit`)).statusCode).toBe(200);
    const approved = await dept.post(`/api/v1/stories/${story.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved' });

    expect(await portal()).toContain(story.id);
    expect(await portal(`?regionCode=${REGIONS.city}&field=ecology`)).toContain(story.id);
    expect(await portal(`?regionCode=${REGIONS.shapingba}`)).not.toContain(story.id);
    expect(await portal(`?organisationId=${tree.teamId}`)).toContain(story.id);
    expect((await anon(`/api/v1/stories/${story.id}`)).statusCode).toBe(200);
    const thumb = await anon(`/api/v1/files/${image.id}/thumbnail`);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toMatch(/image\//);
  });

  it('serves /stories/:id with Open Graph tags for an approved story only', async () => {
    const page = await anon(`/stories/${story.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<meta property="og:title" content="嘉陵江边的守护者" />');
    expect(page.body).toContain('<meta property="og:type" content="article" />');
    expect(page.body).toMatch(
      new RegExp(`<meta property="og:image" content="http://[^"]+/api/v1/files/${image.id}/thumbnail" />`),
    );
    // A title is text in the tags: escaped, and `$&`/`$'` are not replacement patterns.
    const setTitle = (title: string) =>
      t.tdb.db.updateTable('stories').set({ title }).where('id', '=', story.id).execute();
    await setTitle(`江边"<守护>$&$'`);
    const odd = (await anon(`/stories/${story.id}`)).body;
    expect(odd).toContain('<meta property="og:title" content="江边&quot;&lt;守护&gt;$&amp;$&#39;" />');
    expect(odd.endsWith(INDEX.slice(INDEX.indexOf('</head>')))).toBe(true);
    await setTitle('嘉陵江边的守护者');
    const draft = (
      await writer.post('/api/v1/stories', {
        organisationId: tree.teamId,
        title: '<script>未审核</script>',
        summary: '草稿',
        field: 'ecology',
      })
    ).json() as Story;
    for (const id of [draft.id, 'no-such-story']) {
      const res = await anon(`/stories/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(INDEX);
    }
  });

  it('takes a changed published story off the portal until it is approved again', async () => {
    const changed = await writer.patch(`/api/v1/stories/${story.id}`, { summary: '新的摘要' });
    expect(changed.json()).toMatchObject({ status: 'submitted' });
    expect(await portal()).not.toContain(story.id);
    expect((await anon(`/api/v1/files/${image.id}`)).statusCode).toBe(404);
    expect((await dept.post(`/api/v1/stories/${story.id}/approve`)).statusCode).toBe(200);
    expect(await portal()).toContain(story.id);
  });

  it('tells the reviewers of a submitted story, or the region admins without any, and its writer of the answer', async () => {
    const notices = async (storyId: string) =>
      (
        await t.tdb.db
          .selectFrom('notifications')
          .select(['user_id', 'title', 'body', 'data'])
          .where('kind', '=', 'story_update')
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      )
        .map((n) => ({ ...n, data: JSON.parse(n.data) as { storyId: string; step: string } }))
        .filter((n) => n.data.storyId === storyId)
        .map((n) => [n.user_id, n.data.step, n.body] as const);
    const submitted = (to: string) => [to, 'submitted', expect.stringContaining('「渝中区生态环境志愿服务队」提交了')];
    // The story above: submitted twice, returned by 渝中 in between, approved, changed and approved again.
    expect(await notices(story.id)).toEqual([
      submitted(tree.departmentAdmin.userId),
      [tree.teamAdmin.userId, 'returned', expect.stringMatching(/需修改：请补充活动时间$/)],
      submitted(tree.departmentAdmin.userId),
      [tree.teamAdmin.userId, 'approved', expect.stringContaining('已通过审核')],
      submitted(tree.departmentAdmin.userId),
      [tree.teamAdmin.userId, 'approved', expect.stringContaining('已通过审核')],
    ]);

    // A department has no parent: the region admins nearest over its region are told, not those below.
    const city = (await makeAdmin(t.tdb.db, 'region_admin', REGIONS.city)).id;
    const own = await submittedStory(dept, tree.departmentId, '生态局的故事');
    expect((await notices(own)).map(([to, step]) => [to, step])).toEqual([[city, 'submitted']]);
  });

  it('fills each page of the review queue with stories the caller decides on, skipping their own', async () => {
    // 解放碑小队's stories are reviewed by 渝中队 and the department; the department wrote the newest ones.
    const others = [];
    for (const n of [1, 2, 3]) others.push(await submittedStory(writer, tree.subTeamId, `小队的故事 ${n}`));
    const mine = [];
    for (const n of [1, 2, 3]) mine.push(await submittedStory(dept, tree.subTeamId, `局里写的 ${n}`));
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let round = 0; round < 10; round++) {
      const res = await dept.get(`/api/v1/stories/manage?view=review&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const p = res.json() as { items: StoryCard[]; nextCursor: string | null };
      if (p.nextCursor) expect(p.items).toHaveLength(2);
      seen.push(...p.items.map((s) => s.id));
      cursor = p.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(expect.arrayContaining(others));
    for (const id of mine) expect(seen).not.toContain(id);
    // 渝中队 reviews them all, the department's included.
    const team = (await writer.get('/api/v1/stories/manage?view=review&limit=200')).json() as { items: StoryCard[] };
    expect(team.items.map((s) => s.id)).toEqual(expect.arrayContaining(mine));
    expect(team.items.map((s) => s.id)).not.toContain(others[0]);
  });

  it('lands a tip with the organisation for its region, its contact encrypted and shown to that organisation only', async () => {
    const sent = await anon('/api/v1/story-tips', 'POST', {
      regionCode: REGIONS.jiefangbei,
      text: '解放碑有位老志愿者每天清扫街道',
      contact: '13912345678',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ organisationName: '解放碑小队' });
    const id = (sent.json() as { id: string }).id;
    const row = await t.tdb.db.selectFrom('story_tips').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.organisation_id).toBe(tree.subTeamId);
    expect(row.contact_enc).not.toContain('13912345678');

    // A region with no organisation of its own: the nearest one above it that has one.
    const up = await anon('/api/v1/story-tips', 'POST', { regionCode: REGIONS.liangjiang, text: '两江新区的故事' });
    expect(up.json()).toMatchObject({ organisationName: '市生态环境局' });

    const inbox = (await writer.get('/api/v1/story-tips')).json() as { items: StoryTip[] };
    expect(inbox.items.find((x) => x.id === id)).toMatchObject({ contact: '13912345678', status: 'new' });
    expect(inbox.items.map((x) => x.organisationName)).not.toContain('市生态环境局');
    const audit = await t.tdb.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', '=', 'story_tip.contact_read')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(((await outsider.get('/api/v1/story-tips')).json() as { items: StoryTip[] }).items).toEqual([]);
    expect((await outsider.post(`/api/v1/story-tips/${id}/decide`, { status: 'used' })).statusCode).toBe(404);
    const used = await writer.post(`/api/v1/story-tips/${id}/decide`, { status: 'used' });
    expect(used.json()).toMatchObject({ status: 'used' });
    expect(t.logs.text()).not.toContain('13912345678');

    for (const bad of [
      { regionCode: REGIONS.yuzhong, text: '' },
      { regionCode: 'ZZZ999', text: '故事' },
      { text: '故事' },
    ]) {
      expect((await anon('/api/v1/story-tips', 'POST', bad)).statusCode).toBeGreaterThanOrEqual(400);
    }
    expect(await t.tdb.db.selectFrom('story_tips').select('id').execute()).toHaveLength(2);
  });
});
