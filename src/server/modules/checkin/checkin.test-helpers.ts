/**
 * Test scene for the check-in and record suites: an organisation tree with admins, a
 * volunteer with a bearer client, and helpers that make a running shift with an approved
 * sign-up. Built on the shared factories in test/activity-factories.ts.
 */
import type { LightMyRequestResponse } from 'fastify';
import {
  clientFor,
  JIEFANGBEI,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type BearerClient,
  type OrganisationTree,
  type ShiftOverrides,
} from '../../../../test/activity-factories.js';
import { makeVolunteer } from '../../../../test/factories.js';
import type { TestApp } from '../../../../test/test-app.js';

export interface Person {
  volunteerId: string;
  userId: string;
  client: BearerClient;
}

export async function makePerson(t: TestApp): Promise<Person> {
  const v = await makeVolunteer(t.app);
  return { volunteerId: v.id, userId: v.userId, client: await clientFor(t.app, v.userId) };
}

export interface Scene {
  tree: OrganisationTree;
  organiser: BearerClient;
}

export async function makeScene(t: TestApp): Promise<Scene> {
  const tree = await makeOrganisationTree(t.app);
  return { tree, organiser: tree.teamAdmin.client };
}

/** A published activity of the scene's team with one shift (default: started 10 minutes ago, 2 h long). */
export async function makeShift(
  t: TestApp,
  s: Scene,
  shift: ShiftOverrides = shiftAt(-1 / 6, 2),
  over: { radiusM?: number; orgId?: string } = {},
): Promise<{ activityId: string; shiftId: string }> {
  const a = await makeActivity(t.app, {
    orgId: over.orgId ?? s.tree.teamId,
    createdBy: s.tree.teamAdmin.userId,
    radiusM: over.radiusM ?? 200,
    shifts: [shift],
  });
  return { activityId: a.id, shiftId: a.shiftIds[0] as string };
}

/** Approves `person` for the shift. */
export const signUp = (t: TestApp, shiftId: string, person: Person) =>
  makeSignup(t.app, { shiftId, volunteerId: person.volunteerId });

/** The organiser's current code for a shift. */
export async function codeOf(organiser: BearerClient, shiftId: string): Promise<{ token: string; code: string }> {
  const res = await organiser.get(`/api/v1/shifts/${shiftId}/checkin-code`);
  if (res.statusCode !== 200) throw new Error(`checkin-code: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A scan body at the site (or `offsetDeg` north of it). */
export const at = (token: string, accuracyM = 20, offsetDeg = 0) => ({
  token,
  lat: JIEFANGBEI.lat + offsetDeg,
  lng: JIEFANGBEI.lng,
  accuracyM,
});

export const errorCode = (res: LightMyRequestResponse): string | undefined =>
  (res.json() as { error?: { code?: string } }).error?.code;
