import type { z } from 'zod';
import type {
  CreateProject,
  HonourSchema,
  ProjectSchema,
  ProjectSummarySchema,
} from '../../../common/contract/projects.js';
import { forbidden, notFound, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { fieldExists } from '../activities/index.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { addProjectHonours, projectHonours } from '../honours/index.js';
import { organisationById } from '../organisations/index.js';
import * as repo from './projects.repository.js';

type Honour = z.infer<typeof HonourSchema>;
const PROJECT_ADMINS = ['system_admin', 'region_admin', 'department_admin'] as const;

type Summary = z.infer<typeof ProjectSummarySchema>;

function present(p: repo.ProjectRow, honours: Map<string, Honour[]>): Summary {
  return {
    id: p.id,
    name: p.name,
    departmentId: p.department_id,
    departmentName: p.department_name,
    field: p.field,
    parentId: p.parent_id,
    description: p.description,
    goals: p.goals,
    honours: honours.get(p.id) ?? [],
    createdAt: p.created_at,
  };
}

/** Department admins of the leading department, and region or system admins over it. */
async function requireProjectAdmin(db: Db, actor: Actor, departmentId: string): Promise<void> {
  if (!hasRole(actor, ...PROJECT_ADMINS))
    throw forbidden('Only department, region or system admins run brand projects');
  if (!(await new Policy(db).adminsOrganisation(actor, departmentId, PROJECT_ADMINS))) {
    throw forbidden('You do not administer the leading department');
  }
}

export async function createProject(db: Db, actor: Actor, body: CreateProject) {
  if (!hasRole(actor, ...PROJECT_ADMINS))
    throw forbidden('Only department, region or system admins run brand projects');
  const dept = await organisationById(db, body.departmentId);
  if (!dept || dept.kind !== 'department')
    throw ruleBroken('departmentId', 'not_a_department', 'must name an organisation of kind department');
  await requireProjectAdmin(db, actor, dept.id);
  if (!(await fieldExists(db, body.field)))
    throw ruleBroken('field', 'unknown_field', `unknown service field "${body.field}"`);
  if (body.parentId && !(await repo.projectById(db, body.parentId))) {
    throw ruleBroken('parentId', 'no_such_project', `project "${body.parentId}" does not exist`);
  }
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertProject(trx, {
      id,
      name: body.name,
      department_id: dept.id,
      field: body.field,
      parent_id: body.parentId ?? null,
      description: body.description ?? null,
      goals: body.goals ?? null,
      created_at: nowIso(),
    });
    await addProjectHonours(trx, id, body.honours, actor.userId);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'project.create',
      entityType: 'project',
      entityId: id,
    });
  });
  return getProject(db, id);
}

export async function getProject(db: Db, id: string): Promise<z.infer<typeof ProjectSchema>> {
  const p = await repo.projectById(db, id);
  if (!p) throw notFound('Project');
  const [self, ...children] = await presentAll(db, [p, ...(await repo.childrenOf(db, id))]);
  if (!self) throw notFound('Project');
  return { ...self, children };
}

/** Projects with their honours (kept by the honours module). */
async function presentAll(db: Db, rows: repo.ProjectRow[]): Promise<Summary[]> {
  const honours = await projectHonours(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, honours));
}

/** Appends an honour (awards are history: added, never rewritten); it has no level here. */
export async function addHonour(db: Db, actor: Actor, id: string, honour: Honour) {
  const p = await repo.projectById(db, id);
  if (!p) throw notFound('Project');
  await requireProjectAdmin(db, actor, p.department_id);
  await db.transaction().execute(async (trx) => {
    await addProjectHonours(trx, id, [honour], actor.userId);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'project.honour',
      entityType: 'project',
      entityId: id,
    });
  });
  return getProject(db, id);
}

export async function listProjects(
  db: Db,
  q: {
    departmentId?: string | undefined;
    parentId?: string | undefined;
    field?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const after = decodeCursor(q.cursor, { id: 'string' });
  const rows = await repo.listProjects(
    db,
    { departmentId: q.departmentId, parentId: q.parentId === 'root' ? null : q.parentId, field: q.field },
    after?.id,
    q.limit,
  );
  const p = pageOf(rows, q.limit, (r) => ({ id: r.id }));
  return { items: await presentAll(db, p.items), nextCursor: p.nextCursor };
}
