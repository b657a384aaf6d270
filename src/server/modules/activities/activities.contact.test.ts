import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeVolunteer } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

const CONTACT = { name: '李联络', phone: '023-63851234' };

describe.each(DIALECTS)("an activity's contact on %s", (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let activityId: string;
  let shiftId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    const res = await create({ contactName: CONTACT.name, contactPhone: CONTACT.phone });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().contact).toEqual(CONTACT);
    activityId = res.json().id;
    shiftId = res.json().shifts[0].id;
    expect((await tree.teamAdmin.client.post(`/api/v1/activities/${activityId}/publish`, {})).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  /** A draft made over HTTP by the team's admin, with one shift of one place tomorrow. */
  const create = (contact: Record<string, string>) =>
    tree.teamAdmin.client.post('/api/v1/activities', {
      organisationId: tree.teamId,
      title: '社区义诊',
      field: 'health',
      location: { address: '渝中区解放碑', lat: 29.5576, lng: 106.5774 },
      radiusM: 200,
      ...contact,
      shifts: [{ ...shiftAt(24), capacity: 1 }],
    });

  const contactSeenBy = async (c: { get(url: string): Promise<{ json(): { contact: unknown } }> } | null) =>
    (c
      ? await c.get(`/api/v1/activities/${activityId}`)
      : await t.app.inject({ url: `/api/v1/activities/${activityId}` })
    ).json().contact;

  it('shows whom to call to the organisers and to volunteers holding a live sign-up only', async () => {
    expect(await contactSeenBy(null)).toBeNull();
    expect(await contactSeenBy(tree.teamAdmin.client)).toEqual(CONTACT);
    expect(await contactSeenBy(tree.departmentAdmin.client)).toEqual(CONTACT);
    expect(await contactSeenBy(tree.otherTeamAdmin.client)).toBeNull();

    const stranger = await makeVolunteer(t.app);
    expect(await contactSeenBy(await clientFor(t.app, stranger.userId))).toBeNull();

    const holder = await makeVolunteer(t.app);
    const holderClient = await clientFor(t.app, holder.userId);
    const mine = await holderClient.post(`/api/v1/shifts/${shiftId}/signups`, {});
    expect(mine.json().status).toBe('approved');
    expect(await contactSeenBy(holderClient)).toEqual(CONTACT);
    // The shift is full now: a wait-listed volunteer holds a live sign-up too.
    const waiting = await makeVolunteer(t.app);
    await makeSignup(t.app, { shiftId, volunteerId: waiting.id, status: 'waitlisted' });
    expect(await contactSeenBy(await clientFor(t.app, waiting.userId))).toEqual(CONTACT);
    const gone = await makeVolunteer(t.app);
    await makeSignup(t.app, { shiftId, volunteerId: gone.id, status: 'cancelled' });
    expect(await contactSeenBy(await clientFor(t.app, gone.userId))).toBeNull();

    expect((await holderClient.del(`/api/v1/signups/${mine.json().id}`)).statusCode).toBe(204);
    expect(await contactSeenBy(holderClient)).toBeNull();
  });

  it('never puts the contact in the public list', async () => {
    const list = await t.app.inject({ url: '/api/v1/activities?limit=200' });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(activityId);
    expect(list.body).not.toContain(CONTACT.phone);
    expect(list.body).not.toContain(CONTACT.name);
    const console = await tree.teamAdmin.client.get(`/api/v1/organisations/${tree.teamId}/activities`);
    expect(console.body).not.toContain(CONTACT.phone);
  });

  it('lets the organisers change or remove it once published, and refuses a malformed phone', async () => {
    const patch = (body: Record<string, unknown>) =>
      tree.teamAdmin.client.patch(`/api/v1/activities/${activityId}`, body);
    const changed = await patch({ contactPhone: '13800138000' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().contact).toEqual({ name: CONTACT.name, phone: '13800138000' });
    const bad = await patch({ contactPhone: 'call me' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('body.contactPhone');
    expect(await contactSeenBy(tree.teamAdmin.client)).toEqual({ name: CONTACT.name, phone: '13800138000' });
    const removed = await patch({ contactName: null, contactPhone: null });
    expect(removed.json().contact).toBeNull();
    const made = await create({ contactPhone: '12' });
    expect(made.statusCode).toBe(400);
    expect(made.json().error.details.field).toBe('body.contactPhone');
  });

  it('shows none, even to the organisers, when none was given', async () => {
    const plain = await makeActivity(t.app, { orgId: tree.teamId });
    const res = await tree.teamAdmin.client.get(`/api/v1/activities/${plain.id}`);
    expect(res.json().contact).toBeNull();
  });
});
