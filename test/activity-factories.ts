/**
 * Factories for activities, shifts and sign-ups, shared by the activity, sign-up, check-in
 * and record suites. Rows are written straight to the database (fast, no argon2), except
 * when an `organiserClient` is given: then the activity is made over HTTP like a real one.
 */
import type { OrgKind, OrgLevel } from '../src/common/enums.js';
import { newId, nowIso } from '../src/server/ids.js';
import { seedServiceFields } from '../src/server/modules/bootstrap/bootstrap.service.js';
import { insertOrganisation } from '../src/server/modules/organisations/organisations.repository.js';
import { makeRegions, makeUser, makeVolunteer, REGIONS, type MadeVolunteer, type UserOverrides } from './factories.js';
import { clientFor, type ApiClient, type AppLike, type BearerClient } from './bearer-client.js';
import { testNow } from './clock.js';

export { BearerClient, clientFor, type ApiClient, type AppLike } from './bearer-client.js';

// 解放碑 (渝中): the default place of a made activity.
export const JIEFANGBEI = { lat: 29.5576, lng: 106.5774 } as const;

export interface OrganisationTree {
  /** 市生态环境局 (department, city). */
  departmentId: string;
  /** 渝中区生态环境志愿服务队 (team, under the department). */
  teamId: string;
  /** 解放碑小队 (team, under teamId). */
  subTeamId: string;
  /** 沙坪坝 team under the department: someone else's scope. */
  otherTeamId: string;
  teamAdmin: { userId: string; client: BearerClient };
  departmentAdmin: { userId: string; client: BearerClient };
  otherTeamAdmin: { userId: string; client: BearerClient };
}

/**
 * Regions (if missing), service fields, a department with two teams and a sub-team, and
 * an admin for each with a ready client. Safe to call more than once per database.
 */
export async function makeOrganisationTree(app: AppLike): Promise<OrganisationTree> {
  const db = app.ctx.database.db;
  const hasRegions = await db.selectFrom('regions').select('code').where('code', '=', REGIONS.city).executeTakeFirst();
  if (!hasRegions) await makeRegions(db);
  await seedServiceFields(db);
  const org = (name: string, kind: OrgKind, level: OrgLevel, regionCode: string, parentId: string | null) =>
    insertOrganisation(db, {
      name,
      kind,
      level,
      regionCode,
      parentId,
      departmentId: kind === 'department' ? null : departmentId,
      fields: ['ecology'],
    });
  const departmentId = await insertOrganisation(db, {
    name: '市生态环境局',
    kind: 'department',
    level: 'city',
    regionCode: REGIONS.city,
    parentId: null,
    departmentId: null,
    fields: ['ecology'],
  });
  const teamId = await org('渝中区生态环境志愿服务队', 'team', 'district', REGIONS.yuzhong, departmentId);
  const subTeamId = await org('解放碑小队', 'team', 'town', REGIONS.jiefangbei, teamId);
  const otherTeamId = await org('沙坪坝区生态环境志愿服务队', 'team', 'district', REGIONS.shapingba, departmentId);
  const admin = async (role: 'team_admin' | 'department_admin', scopeId: string) => {
    const u = await makeUser(db, { roles: [{ role, scopeType: 'organisation', scopeId }] });
    return { userId: u.id, client: await clientFor(app, u.id) };
  };
  return {
    departmentId,
    teamId,
    subTeamId,
    otherTeamId,
    teamAdmin: await admin('team_admin', teamId),
    departmentAdmin: await admin('department_admin', departmentId),
    otherTeamAdmin: await admin('team_admin', otherTeamId),
  };
}

/** A client for a new user holding `roles` (a resident, a region admin…). */
export async function userWithRoles(app: AppLike, roles: UserOverrides['roles']): Promise<BearerClient> {
  return clientFor(app, (await makeUser(app.ctx.database.db, { roles })).id);
}

/** A new volunteer, an active member of the organisation (a team), with a client. */
export async function makeTeamMember(app: AppLike, organisationId: string): Promise<BearerClient> {
  const v = await makeVolunteer(app);
  await app.ctx.database.db
    .insertInto('memberships')
    .values({
      id: newId(),
      organisation_id: organisationId,
      volunteer_id: v.id,
      role: 'member',
      status: 'active',
      joined_at: nowIso(),
    })
    .execute();
  return clientFor(app, v.userId);
}

export interface ShiftOverrides {
  start?: string;
  end?: string;
  capacity?: number;
  signupDeadline?: string | null;
  minAge?: number | null;
  maxAge?: number | null;
  requiredQualifications?: string[];
  requiredSkills?: string[];
  breakMinutes?: number;
}

export interface ActivityOverrides {
  /** Go through POST /activities (+ /publish) as this organiser; needs `orgId` too. */
  organiserClient?: ApiClient;
  /** Organising organisation; a fresh tree's team when neither this nor a client is given. */
  orgId?: string;
  /** The user recorded as creator when writing directly; a new user by default. */
  createdBy?: string;
  title?: string;
  field?: string;
  description?: string;
  lat?: number;
  lng?: number;
  address?: string;
  regionCode?: string;
  radiusM?: number;
  requiresApproval?: boolean;
  risky?: boolean;
  projectId?: string | null;
  /** 'published' by default. */
  status?: 'draft' | 'published';
  /** One shift tomorrow, 09:00–11:00 UTC-ish, capacity 10, by default. */
  shifts?: ShiftOverrides[];
}

export interface MadeShift {
  id: string;
  start: string;
  end: string;
  capacity: number;
}

export interface MadeActivity {
  id: string;
  organisationId: string;
  shiftIds: string[];
  shifts: MadeShift[];
}

const HOUR = 3_600_000;

/** A shift starting `fromNowHours` from now and lasting `hours`. */
export function shiftAt(fromNowHours: number, hours = 2, over: ShiftOverrides = {}): ShiftOverrides {
  const start = new Date(testNow() + fromNowHours * HOUR);
  return {
    start: start.toISOString(),
    end: new Date(start.getTime() + hours * HOUR).toISOString(),
    ...over,
  };
}

const fullShift = (s: ShiftOverrides) => {
  const base = shiftAt(24);
  return {
    start: s.start ?? (base.start as string),
    end: s.end ?? (base.end as string),
    capacity: s.capacity ?? 10,
    signupDeadline: s.signupDeadline ?? null,
    minAge: s.minAge ?? null,
    maxAge: s.maxAge ?? null,
    requiredQualifications: s.requiredQualifications ?? [],
    requiredSkills: s.requiredSkills ?? [],
    breakMinutes: s.breakMinutes ?? 0,
  };
};

/** An activity with its shifts, published unless asked otherwise. */
export async function makeActivity(app: AppLike, o: ActivityOverrides = {}): Promise<MadeActivity> {
  const shifts = (o.shifts ?? [{}]).map(fullShift);
  const lat = o.lat ?? JIEFANGBEI.lat;
  const lng = o.lng ?? JIEFANGBEI.lng;
  if (o.organiserClient) {
    if (!o.orgId) throw new Error('makeActivity: organiserClient needs orgId');
    const res = await o.organiserClient.post('/api/v1/activities', {
      organisationId: o.orgId,
      title: o.title ?? '长江岸线清洁行动',
      field: o.field ?? 'ecology',
      description: o.description ?? '',
      location: { address: o.address ?? '渝中区解放碑', lat, lng },
      radiusM: o.radiusM ?? 200,
      requiresApproval: o.requiresApproval ?? false,
      risky: o.risky ?? false,
      ...(o.projectId ? { projectId: o.projectId } : {}),
      shifts: shifts.map((s) => ({
        start: s.start,
        end: s.end,
        capacity: s.capacity,
        ...(s.signupDeadline ? { signupDeadline: s.signupDeadline } : {}),
        ...(s.minAge !== null ? { minAge: s.minAge } : {}),
        ...(s.maxAge !== null ? { maxAge: s.maxAge } : {}),
        requiredQualifications: s.requiredQualifications,
        requiredSkills: s.requiredSkills,
        breakMinutes: s.breakMinutes,
      })),
    });
    if (res.statusCode !== 201) throw new Error(`makeActivity: ${res.statusCode} ${res.body}`);
    const a = res.json() as { id: string; shifts: { id: string; start: string; end: string; capacity: number }[] };
    if ((o.status ?? 'published') === 'published') {
      const pub = await o.organiserClient.post(`/api/v1/activities/${a.id}/publish`, {});
      if (pub.statusCode !== 200) throw new Error(`makeActivity publish: ${pub.statusCode} ${pub.body}`);
    }
    const made = a.shifts.map((s) => ({ id: s.id, start: s.start, end: s.end, capacity: s.capacity }));
    return { id: a.id, organisationId: o.orgId, shiftIds: made.map((s) => s.id), shifts: made };
  }

  const db = app.ctx.database.db;
  const orgId = o.orgId ?? (await makeOrganisationTree(app)).teamId;
  const createdBy = o.createdBy ?? (await makeUser(db)).id;
  const org = await db
    .selectFrom('organisations')
    .select('region_code')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const id = newId();
  const now = nowIso();
  const status = o.status ?? 'published';
  const starts = shifts.map((s) => new Date(s.start).toISOString()).sort();
  const ends = shifts.map((s) => new Date(s.end).toISOString()).sort();
  await db
    .insertInto('activities')
    .values({
      id,
      organisation_id: orgId,
      project_id: o.projectId ?? null,
      title: o.title ?? '长江岸线清洁行动',
      field: o.field ?? 'ecology',
      description: o.description ?? '',
      site_id: null,
      region_code: o.regionCode ?? org.region_code,
      address: o.address ?? '渝中区解放碑',
      lat,
      lng,
      radius_m: o.radiusM ?? 200,
      requires_approval: o.requiresApproval ? 1 : 0,
      risky: o.risky ? 1 : 0,
      recurrence: null,
      status,
      created_by: createdBy,
      created_at: now,
      published_at: status === 'published' ? now : null,
      cancelled_at: null,
      cancel_reason: null,
      first_start_at: starts[0] as string,
      last_end_at: ends[ends.length - 1] as string,
    })
    .execute();
  const made: MadeShift[] = [];
  for (const s of shifts) {
    const shiftId = newId();
    const start = new Date(s.start).toISOString();
    const end = new Date(s.end).toISOString();
    await db
      .insertInto('shifts')
      .values({
        id: shiftId,
        activity_id: id,
        start_at: start,
        end_at: end,
        capacity: s.capacity,
        signup_deadline: s.signupDeadline ? new Date(s.signupDeadline).toISOString() : null,
        min_age: s.minAge,
        max_age: s.maxAge,
        required_qualifications: JSON.stringify(s.requiredQualifications),
        required_skills: JSON.stringify(s.requiredSkills),
        break_minutes: s.breakMinutes,
        people_served: null,
        closed_at: null,
        reminded_at: null,
      })
      .execute();
    made.push({ id: shiftId, start, end, capacity: s.capacity });
  }
  return { id, organisationId: orgId, shiftIds: made.map((s) => s.id), shifts: made };
}

export interface SignupOverrides {
  shiftId: string;
  /** An existing volunteer; a new one (made with makeVolunteer) otherwise. */
  volunteerId?: string;
  status?: 'applied' | 'approved' | 'waitlisted' | 'cancelled' | 'rejected' | 'no_show';
  /** Back-date the sign-up, e.g. for no-show windows. */
  createdAt?: string;
}

export interface MadeSignup {
  id: string;
  shiftId: string;
  volunteerId: string;
  /** Set when the factory made the volunteer. */
  volunteer?: MadeVolunteer;
  seq: number;
}

/**
 * A sign-up written straight to the database ('approved' by default), with the next
 * seq and, when it takes a place, the shift's `taken` counter moved with it.
 */
export async function makeSignup(app: AppLike, o: SignupOverrides): Promise<MadeSignup> {
  const db = app.ctx.database.db;
  const volunteer = o.volunteerId ? undefined : await makeVolunteer(app);
  const volunteerId = o.volunteerId ?? (volunteer as MadeVolunteer).id;
  const status = o.status ?? 'approved';
  return db.transaction().execute(async (trx) => {
    const shift = await trx
      .selectFrom('shifts')
      .select(['start_at', 'end_at'])
      .where('id', '=', o.shiftId)
      .executeTakeFirstOrThrow();
    const max = await trx
      .selectFrom('signups')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('shift_id', '=', o.shiftId)
      .executeTakeFirst();
    const seq = Number(max?.m ?? 0) + 1;
    const id = newId();
    const now = o.createdAt ?? nowIso();
    await trx
      .insertInto('signups')
      .values({
        id,
        shift_id: o.shiftId,
        volunteer_id: volunteerId,
        status,
        seq,
        created_at: now,
        decided_at: status === 'applied' || status === 'waitlisted' ? null : now,
        decided_by: null,
        reason: null,
        start_at: shift.start_at,
        end_at: shift.end_at,
      })
      .execute();
    if (status === 'approved' || status === 'no_show') {
      await trx
        .updateTable('shifts')
        .set((eb) => ({ taken: eb('taken', '+', 1) }))
        .where('id', '=', o.shiftId)
        .execute();
    }
    return { id, shiftId: o.shiftId, volunteerId, ...(volunteer ? { volunteer } : {}), seq };
  });
}

/** Closes a suite's app and drops its database (kept for the suites that call it). */
export async function closeAfterMany(t: {
  app: { close(): Promise<unknown> };
  tdb: { drop(): Promise<void> };
}): Promise<void> {
  await t.app.close();
  await t.tdb.drop();
}
