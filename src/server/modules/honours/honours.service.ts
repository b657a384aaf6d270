/**
 * Honours (荣誉) of brand projects, organisations and volunteers. Projects' and organisations'
 * honours are public; a volunteer's are personal data, seen by the person and by admins with a
 * duty over their region (each such read audited). Recording a volunteer's honour earns the
 * points its region's rule gives its level, in the same transaction; deleting it takes them back.
 */
import type { z } from 'zod';
import type { HonourListQuery, HonourSummaryView, HonourView, RecordHonour } from '../../../common/contract/honours.js';
import { HONOUR_LEVELS, HONOUR_SUBJECT_KINDS, type HonourSubjectKind, type Role } from '../../../common/enums.js';
import { forbidden, notFound, ruleBroken, unauthenticated } from '../../../common/errors.js';
import { localDate } from '../../../common/zoned-time.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit, auditPersonalRead } from '../../platform/audit/audit.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { forgetFiles, removeStored, type FilesCtx, type FilesLog } from '../files/index.js';
import { earnForHonour, pointsOfHonour, reverseForHonour } from '../points/index.js';
import { presentHonour } from './honours.presenter.js';
import * as repo from './honours.repository.js';

/** Who records honours of projects and organisations; volunteers' only system and region admins. */
const RECORDERS: readonly Role[] = ['system_admin', 'region_admin', 'department_admin'];

const NAMES: Record<HonourSubjectKind, string> = {
  project: 'Project',
  organisation: 'Organisation',
  volunteer: 'Volunteer',
};

function factsOf(db: Db, kind: HonourSubjectKind, id: string): Promise<repo.SubjectFacts | undefined> {
  if (kind === 'project') return repo.projectFacts(db, id);
  if (kind === 'organisation') return repo.organisationFacts(db, id);
  return repo.volunteerFacts(db, id);
}

/**
 * Whether the actor records (and deletes) honours of the subject: for a project, admins of
 * its leading department (and region or system admins over it); for an organisation, its
 * department admins and region or system admins over it; for a volunteer, region admins over
 * their region and system admins.
 */
async function mayRecord(db: Db, actor: Actor, kind: HonourSubjectKind, facts: repo.SubjectFacts): Promise<boolean> {
  const policy = new Policy(db);
  if (kind === 'volunteer') return policy.adminsRegion(actor, facts.regionCode);
  if (!hasRole(actor, ...RECORDERS) || !facts.organisationId) return false;
  return policy.adminsOrganisation(actor, facts.organisationId, RECORDERS);
}

/**
 * The subject, if the actor may record its honours. No admin role: 403. A volunteer the actor
 * has no duty over answers as one that does not exist (404); a project or organisation (public)
 * outside the actor's reach answers 403.
 */
async function subjectForRecorder(db: Db, actor: Actor, kind: HonourSubjectKind, id: string) {
  if (!hasRole(actor, ...RECORDERS)) throw forbidden('Only department, region or system admins record honours');
  if (kind === 'volunteer' && !hasRole(actor, 'system_admin', 'region_admin')) {
    throw forbidden("Only region and system admins record volunteers' honours");
  }
  const facts = await factsOf(db, kind, id);
  if (!facts) throw notFound(NAMES[kind]);
  if (!(await mayRecord(db, actor, kind, facts))) {
    if (kind === 'volunteer') throw notFound(NAMES[kind]);
    throw forbidden(`You do not administer this ${kind}`);
  }
  return facts;
}

/** The honour as the caller gets it; `signedIn` callers also get its certificate image. */
export async function view(db: Db, row: repo.HonourRow, canDelete: boolean, signedIn = true): Promise<HonourView> {
  const points = row.subject_kind === 'volunteer' ? await pointsOfHonour(db, row.id) : 0;
  return presentHonour(row, points, canDelete, signedIn);
}

export async function recordHonour(db: Db, actor: Actor, b: RecordHonour): Promise<HonourView> {
  const facts = await subjectForRecorder(db, actor, b.subjectKind, b.subjectId);
  const settings = await getSettings(db);
  const thisYear = Number(localDate(nowIso(), settings.timeZone).slice(0, 4));
  if (b.year > thisYear) {
    throw ruleBroken('year', 'honour_year_in_future', `year must not be after ${thisYear}`, { max: thisYear });
  }
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertHonour(trx, {
      id,
      subject_kind: b.subjectKind,
      subject_id: b.subjectId,
      region_code: facts.regionCode,
      name: b.name,
      level: b.level,
      year: b.year,
      issuer: b.issuer ?? null,
      recorded_by: actor.userId,
      recorded_at: nowIso(),
    });
    const points =
      b.subjectKind === 'volunteer'
        ? await earnForHonour(trx, {
            honourId: id,
            volunteerId: b.subjectId,
            regionCode: facts.regionCode,
            level: b.level,
            name: b.name,
            actorUserId: actor.userId,
          })
        : 0;
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'honour.record',
      entityType: b.subjectKind,
      entityId: b.subjectId,
      regionCode: facts.regionCode,
      details: { honourId: id, level: b.level, year: b.year, points },
    });
  });
  return view(db, (await repo.honourById(db, id)) as repo.HonourRow, true);
}

/**
 * A subject's honours. Projects' and organisations' for anyone; a volunteer's for the person
 * and admins with a duty over their region (an admin's read is audited), 404 for anyone else.
 */
export async function listHonours(
  db: Db,
  actor: Actor | null,
  q: z.infer<typeof HonourListQuery>,
): Promise<{ items: HonourView[]; canRecord: boolean }> {
  const facts = await factsOf(db, q.subjectKind, q.subjectId);
  if (q.subjectKind === 'volunteer') {
    if (!actor) throw unauthenticated();
    const sight = facts ? await new Policy(db).sightOf(actor, q.subjectId) : null;
    if (!sight || sight.kind === 'membership') throw notFound(NAMES.volunteer);
    if (sight.kind === 'duty') await auditPersonalRead(db, actor.userId, q.subjectId, 'honours');
  } else if (!facts) throw notFound(NAMES[q.subjectKind]);
  const canRecord = !!actor && !!facts && (await mayRecord(db, actor, q.subjectKind, facts));
  const rows = await repo.honoursOf(db, q.subjectKind, [q.subjectId], { level: q.level, year: q.year });
  return { items: await Promise.all(rows.map((r) => view(db, r, canRecord, !!actor))), canRecord };
}

/**
 * A volunteer's own honours for their data export (the caller has checked that they are the
 * person): as the person sees them on Me, with the points each earned, at most `limit`.
 */
export async function honoursForExport(db: Db, volunteerId: string, limit: number): Promise<HonourView[]> {
  const rows = await repo.honoursOf(db, 'volunteer', [volunteerId], {}, limit);
  return Promise.all(rows.map((r) => view(db, r, false)));
}

/** The honour, if the actor may change or delete it (the recorder's scope); 403 or 404 otherwise. */
export async function honourForRecorder(db: Db, actor: Actor, id: string): Promise<repo.HonourRow> {
  if (!hasRole(actor, ...RECORDERS)) throw forbidden('Only department, region or system admins change honours');
  const h = await repo.honourById(db, id);
  if (!h) throw notFound('Honour');
  await subjectForRecorder(db, actor, h.subject_kind, h.subject_id);
  return h;
}

/**
 * Deletes an honour (the recorder's scope); a volunteer's takes back the points it earned. Its
 * certificate image goes with it: the row in the transaction, the bytes once it has committed.
 */
export async function deleteHonour(ctx: FilesCtx, actor: Actor, id: string, log?: FilesLog): Promise<void> {
  const h = await honourForRecorder(ctx.db, actor, id);
  const storedKeys = await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteHonour(trx, id))) throw notFound('Honour');
    const points =
      h.subject_kind === 'volunteer'
        ? await reverseForHonour(trx, { honourId: id, volunteerId: h.subject_id, actorUserId: actor.userId })
        : 0;
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'honour.delete',
      entityType: h.subject_kind,
      entityId: h.subject_id,
      regionCode: h.region_code,
      details: { honourId: id, name: h.name, level: h.level, year: h.year, pointsReversed: points },
    });
    return forgetFiles(trx, h.image_file_id ? [h.image_file_id] : []);
  });
  await removeStored(ctx.files, storedKeys, log);
}

/** Honours counted by level and by what won them, in a region subtree (the whole city by default). */
export async function honourSummary(
  db: Db,
  q: { regionCode?: string | undefined; year?: number | undefined },
): Promise<HonourSummaryView> {
  const rows = await repo.countHonours(db, q.regionCode ?? null, q.year);
  const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick).reduce((s, r) => s + r.count, 0);
  const unstated = sum((r) => r.level === null);
  return {
    regionCode: q.regionCode ?? null,
    total: sum(() => true),
    byLevel: [
      ...HONOUR_LEVELS.map((level) => ({ level, count: sum((r) => r.level === level) })),
      ...(unstated > 0 ? [{ level: null, count: unstated }] : []),
    ],
    bySubjectKind: HONOUR_SUBJECT_KINDS.map((subjectKind) => ({
      subjectKind,
      count: sum((r) => r.subjectKind === subjectKind),
    })),
  };
}
