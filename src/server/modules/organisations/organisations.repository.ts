import type { OrgKind, OrgLevel } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import type { OrganisationsTable } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';

export interface OrganisationInput {
  id?: string;
  name: string;
  kind: OrgKind;
  level: OrgLevel;
  regionCode: string;
  parentId: string | null;
  departmentId: string | null;
  fields: string[];
  description?: string | null;
}

/** Inserts an organisation and its closure rows (itself at depth 0, then every ancestor). */
export async function insertOrganisation(db: Db, o: OrganisationInput): Promise<string> {
  const id = o.id ?? newId();
  await db
    .insertInto('organisations')
    .values({
      id,
      name: o.name,
      kind: o.kind,
      level: o.level,
      region_code: o.regionCode,
      parent_id: o.parentId,
      department_id: o.departmentId,
      fields: JSON.stringify(o.fields),
      description: o.description ?? null,
      status: 'active',
      created_at: nowIso(),
    })
    .execute();
  await db.insertInto('organisation_closure').values({ ancestor: id, descendant: id, depth: 0 }).execute();
  if (o.parentId) {
    await db
      .insertInto('organisation_closure')
      .columns(['ancestor', 'descendant', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('organisation_closure')
          .select((s) => ['ancestor', s.val(id).as('descendant'), s(s.ref('depth'), '+', 1).as('depth')])
          .where('descendant', '=', o.parentId as string),
      )
      .execute();
  }
  return id;
}

export async function organisationById(db: Db, id: string): Promise<OrganisationsTable | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ancestors of `id`, root first, including itself. */
export async function pathOf(db: Db, id: string) {
  return db
    .selectFrom('organisation_closure')
    .innerJoin('organisations', 'organisations.id', 'organisation_closure.ancestor')
    .select(['organisations.id', 'organisations.name'])
    .where('organisation_closure.descendant', '=', id)
    .orderBy('organisation_closure.depth', 'desc')
    .execute();
}

export interface OrganisationFilter {
  parentId?: string | null;
  under?: string;
  regionCode?: string;
  kind?: OrgKind;
  q?: string;
  afterId?: string;
  limit: number;
}

/** A page of organisations ordered by id; `under` and `regionCode` include whole subtrees. */
export async function listOrganisations(db: Db, f: OrganisationFilter): Promise<OrganisationsTable[]> {
  let q = db.selectFrom('organisations').selectAll('organisations');
  if (f.parentId === null) q = q.where('organisations.parent_id', 'is', null);
  else if (f.parentId) q = q.where('organisations.parent_id', '=', f.parentId);
  if (f.under) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('organisation_closure as oc')
          .select('oc.ancestor')
          .whereRef('oc.descendant', '=', 'organisations.id')
          .where('oc.ancestor', '=', f.under as string),
      ),
    );
  }
  if (f.regionCode) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('region_closure as rc')
          .select('rc.ancestor')
          .whereRef('rc.descendant', '=', 'organisations.region_code')
          .where('rc.ancestor', '=', f.regionCode as string),
      ),
    );
  }
  if (f.kind) q = q.where('organisations.kind', '=', f.kind);
  if (f.q) q = q.where('organisations.name', 'like', `%${f.q.replace(/[%_\\]/g, '')}%`);
  if (f.afterId) q = q.where('organisations.id', '>', f.afterId);
  return q
    .orderBy('organisations.id')
    .limit(f.limit + 1)
    .execute();
}

/** Whether `descendant` lies in the subtree of region `ancestor`. */
export async function regionWithin(db: Db, ancestor: string, descendant: string): Promise<boolean> {
  const r = await db
    .selectFrom('region_closure')
    .select('depth')
    .where('ancestor', '=', ancestor)
    .where('descendant', '=', descendant)
    .executeTakeFirst();
  return r !== undefined;
}

export async function knownFieldCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('service_fields').select('code').execute();
  return new Set(rows.map((r) => r.code));
}

export async function volunteerIdByCode(db: Db, code: string): Promise<string | undefined> {
  const r = await db.selectFrom('volunteers').select('id').where('volunteer_code', '=', code).executeTakeFirst();
  return r?.id;
}

/** What an import needs to know of an organisation it names. */
export type NamedOrganisation = Pick<
  OrganisationsTable,
  'id' | 'name' | 'kind' | 'level' | 'region_code' | 'parent_id' | 'department_id'
>;

const namedColumns = ['id', 'name', 'kind', 'level', 'region_code', 'parent_id', 'department_id'] as const;

/** Organisations with exactly this name, or with this id (an import names them either way). */
export async function organisationsNamed(db: Db, nameOrId: string): Promise<NamedOrganisation[]> {
  return db
    .selectFrom('organisations')
    .select(namedColumns)
    .where((eb) => eb.or([eb('name', '=', nameOrId), eb('id', '=', nameOrId)]))
    .orderBy('id')
    .limit(50)
    .execute();
}

/** The organisation of this name directly under `parentId` (null: among the roots), if any. */
export async function organisationNamedUnder(
  db: Db,
  parentId: string | null,
  name: string,
): Promise<NamedOrganisation | undefined> {
  return db
    .selectFrom('organisations')
    .select(namedColumns)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .where('name', '=', name)
    .executeTakeFirst();
}
