import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ProjectsTable } from '../../db/schema.js';

export type ProjectRow = ProjectsTable & { department_name: string };

const base = (db: Db) =>
  db
    .selectFrom('projects')
    .innerJoin('organisations', 'organisations.id', 'projects.department_id')
    .selectAll('projects')
    .select('organisations.name as department_name');

export async function insertProject(db: Db, row: Insertable<ProjectsTable>): Promise<void> {
  await db.insertInto('projects').values(row).execute();
}

export async function projectById(db: Db, id: string): Promise<ProjectRow | undefined> {
  return base(db).where('projects.id', '=', id).executeTakeFirst();
}

export async function childrenOf(db: Db, id: string): Promise<ProjectRow[]> {
  return base(db).where('projects.parent_id', '=', id).orderBy('projects.id').execute();
}

export interface ProjectFilter {
  departmentId?: string | undefined;
  parentId?: string | null | undefined;
  field?: string | undefined;
}

export async function listProjects(db: Db, f: ProjectFilter, afterId: string | undefined, limit: number) {
  let q = base(db);
  if (f.departmentId) q = q.where('projects.department_id', '=', f.departmentId);
  if (f.parentId === null) q = q.where('projects.parent_id', 'is', null);
  else if (f.parentId) q = q.where('projects.parent_id', '=', f.parentId);
  if (f.field) q = q.where('projects.field', '=', f.field);
  if (afterId) q = q.where('projects.id', '>', afterId);
  return q
    .orderBy('projects.id')
    .limit(limit + 1)
    .execute();
}
