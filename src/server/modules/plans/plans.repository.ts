import { sql, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { forUpdateOnPostgres } from '../../platform/db.js';
import type {
  DB,
  PlanFundingTable,
  PlanProgressTable,
  PlansTable,
  PlanSpendingTable,
  PlanTasksTable,
} from '../../db/schema.js';

export type PlanRow = PlansTable & { department_name: string; department_region: string };
export type TaskRow = PlanTasksTable & { organisation_name: string; organisation_region: string };
export type FundingRow = PlanFundingTable & { project_name: string };
export type SpendingRow = PlanSpendingTable;

const plans = (db: Db) =>
  db
    .selectFrom('plans')
    .innerJoin('organisations', 'organisations.id', 'plans.department_id')
    .selectAll('plans')
    .select(['organisations.name as department_name', 'organisations.region_code as department_region']);

const tasks = (db: Db) =>
  db
    .selectFrom('plan_tasks')
    .innerJoin('organisations', 'organisations.id', 'plan_tasks.organisation_id')
    .selectAll('plan_tasks')
    .select(['organisations.name as organisation_name', 'organisations.region_code as organisation_region']);

/** Organisations' regions under one of `regionScopes` (a region admin's part of a plan). */
const inRegions = (db: Db, regionScopes: string[]) =>
  db.selectFrom('region_closure').select('descendant').where('ancestor', 'in', regionScopes);

export async function insertPlan(db: Db, row: Insertable<PlansTable>): Promise<void> {
  await db.insertInto('plans').values(row).execute();
}

export async function updatePlan(db: Db, id: string, set: Updateable<PlansTable>): Promise<void> {
  await db.updateTable('plans').set(set).where('id', '=', id).execute();
}

export async function planById(db: Db, id: string): Promise<PlanRow | undefined> {
  return plans(db).where('plans.id', '=', id).executeTakeFirst();
}

export interface PlanFilter {
  /** Plans of these departments; undefined: every department. */
  departmentIds?: string[];
  /** Only plans with a task of an organisation in these regions (or below). */
  regionScopes?: string[];
  departmentId?: string | undefined;
  year?: number | undefined;
}

export async function listPlans(db: Db, f: PlanFilter, afterId: string | undefined, limit: number) {
  let q = plans(db);
  if (f.departmentIds) q = q.where('plans.department_id', 'in', f.departmentIds.length ? f.departmentIds : ['']);
  if (f.regionScopes) {
    const scopes = f.regionScopes.length ? f.regionScopes : [''];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('plan_tasks')
          .innerJoin('organisations as o', 'o.id', 'plan_tasks.organisation_id')
          .select('plan_tasks.id')
          .whereRef('plan_tasks.plan_id', '=', 'plans.id')
          .where('o.region_code', 'in', inRegions(db, scopes)),
      ),
    );
  }
  if (f.departmentId) q = q.where('plans.department_id', '=', f.departmentId);
  if (f.year !== undefined) q = q.where('plans.year', '=', f.year);
  if (afterId) q = q.where('plans.id', '>', afterId);
  return q
    .orderBy('plans.id')
    .limit(limit + 1)
    .execute();
}

export async function plansOfYear(db: Db, year: number): Promise<PlanRow[]> {
  return plans(db).where('plans.year', '=', year).orderBy('plans.id').execute();
}

/** The departments of the city, for the overview's rows (those without a plan too). */
export async function departments(db: Db) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'department')
    .where('status', '=', 'active')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function insertTask(db: Db, row: Insertable<PlanTasksTable>): Promise<void> {
  await db.insertInto('plan_tasks').values(row).execute();
}

export async function updateTask(db: Db, id: string, set: Updateable<PlanTasksTable>): Promise<void> {
  await db.updateTable('plan_tasks').set(set).where('id', '=', id).execute();
}

export async function taskById(db: Db, planId: string, id: string): Promise<TaskRow | undefined> {
  return tasks(db).where('plan_tasks.id', '=', id).where('plan_tasks.plan_id', '=', planId).executeTakeFirst();
}

/** The tasks of some plans; with `regionScopes`, only those of organisations in those regions. */
export async function tasksOfPlans(db: Db, planIds: string[], regionScopes?: string[]): Promise<TaskRow[]> {
  if (planIds.length === 0) return [];
  let q = tasks(db).where('plan_tasks.plan_id', 'in', planIds);
  if (regionScopes) {
    q = q.where('organisations.region_code', 'in', inRegions(db, regionScopes.length ? regionScopes : ['']));
  }
  return q.orderBy('plan_tasks.deadline').orderBy('plan_tasks.id').execute();
}

export async function insertProgress(db: Db, row: Insertable<PlanProgressTable>): Promise<void> {
  await db.insertInto('plan_progress').values(row).execute();
}

export async function progressOf(db: Db, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  return db.selectFrom('plan_progress').selectAll().where('task_id', 'in', taskIds).orderBy('id', 'desc').execute();
}

/** Tasks past their deadline, short of target, whose organisation was not told yet. */
export async function overdueUnnoticed(db: Db, today: string, limit: number) {
  return db
    .selectFrom('plan_tasks')
    .innerJoin('plans', 'plans.id', 'plan_tasks.plan_id')
    .innerJoin('organisations', 'organisations.id', 'plans.department_id')
    .select([
      'plan_tasks.id',
      'plan_tasks.title',
      'plan_tasks.deadline',
      'plan_tasks.organisation_id',
      'plan_tasks.plan_id',
      'plans.title as plan_title',
      'organisations.name as department_name',
    ])
    .where('plan_tasks.deadline', '<', today)
    .whereRef('plan_tasks.value', '<', 'plan_tasks.target')
    .where('plan_tasks.overdue_noticed_at', 'is', null)
    .orderBy('plan_tasks.id')
    .limit(limit)
    .execute();
}

/** Marks a task's overdue notice sent; false when another process marked it first. */
export async function markNoticed(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('plan_tasks')
    .set({ overdue_noticed_at: at })
    .where('id', '=', id)
    .where('overdue_noticed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Users holding an admin grant on the organisation itself (its team or department admins). */
export async function adminUsersOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select('user_id')
    .distinct()
    .where('scope_type', '=', 'organisation')
    .where('scope_id', '=', organisationId)
    .where('role', 'in', ['team_admin', 'department_admin'])
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function insertFunding(db: Db, row: Insertable<PlanFundingTable>): Promise<void> {
  await db.insertInto('plan_funding').values(row).execute();
}

export async function fundingById(db: Db, planId: string, id: string): Promise<FundingRow | undefined> {
  return db
    .selectFrom('plan_funding')
    .innerJoin('projects', 'projects.id', 'plan_funding.project_id')
    .selectAll('plan_funding')
    .select('projects.name as project_name')
    .where('plan_funding.id', '=', id)
    .where('plan_funding.plan_id', '=', planId)
    .executeTakeFirst();
}

export async function fundingOfPlans(db: Db, planIds: string[]): Promise<FundingRow[]> {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('plan_funding')
    .innerJoin('projects', 'projects.id', 'plan_funding.project_id')
    .selectAll('plan_funding')
    .select('projects.name as project_name')
    .where('plan_funding.plan_id', 'in', planIds)
    .orderBy('plan_funding.id')
    .execute();
}

export async function fundingExists(db: Db, planId: string, projectId: string, year: number): Promise<boolean> {
  const row = await db
    .selectFrom('plan_funding')
    .select('id')
    .where('plan_id', '=', planId)
    .where('project_id', '=', projectId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row !== undefined;
}

/** Appends a spending entry and adds it to the funding's `spent`, in the caller's transaction. */
export async function insertSpending(db: Db, row: Insertable<PlanSpendingTable>): Promise<void> {
  await db.insertInto('plan_spending').values(row).execute();
  await moveSpent(db, row.funding_id, row.amount_fen);
}

/** A spending entry of the funding, locked on PostgreSQL: a correction reads and moves `spent` in one go. */
export async function lockSpending(trx: Transaction<DB>, fundingId: string, id: string) {
  const q = trx.selectFrom('plan_spending').selectAll().where('id', '=', id).where('funding_id', '=', fundingId);
  return forUpdateOnPostgres(trx, q).executeTakeFirst();
}

/** Moves the funding's `spent` by `delta` fen (an entry added, corrected or removed), in the caller's transaction. */
async function moveSpent(db: Db, fundingId: string, delta: number): Promise<void> {
  await db
    .updateTable('plan_funding')
    .set((eb) => ({ spent_fen: eb('spent_fen', '+', delta) }))
    .where('id', '=', fundingId)
    .execute();
}

/** Corrects a spending entry, its funding's `spent` following the amount, in the caller's transaction. */
export async function updateSpending(
  db: Db,
  old: SpendingRow,
  set: Pick<Updateable<PlanSpendingTable>, 'amount_fen' | 'spent_on' | 'note' | 'photo_ids'>,
): Promise<void> {
  await db.updateTable('plan_spending').set(set).where('id', '=', old.id).execute();
  if (set.amount_fen !== undefined && set.amount_fen !== old.amount_fen)
    await moveSpent(db, old.funding_id, Number(set.amount_fen) - old.amount_fen);
}

/** Removes a spending entry and takes it off its funding's `spent`, in the caller's transaction. */
export async function deleteSpending(db: Db, old: SpendingRow): Promise<void> {
  await db.deleteFrom('plan_spending').where('id', '=', old.id).execute();
  await moveSpent(db, old.funding_id, -old.amount_fen);
}

export async function spendingOf(db: Db, fundingIds: string[]) {
  if (fundingIds.length === 0) return [];
  return db
    .selectFrom('plan_spending')
    .selectAll()
    .where('funding_id', 'in', fundingIds)
    .orderBy('spent_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function projectFacts(db: Db, id: string) {
  return db.selectFrom('projects').select(['id', 'department_id']).where('id', '=', id).executeTakeFirst();
}

/** Whether the file is in a row's JSON list `photo_ids` (ids are UUIDs: no LIKE wildcards in them). */
const holds = (table: 'plan_progress' | 'plan_spending', fileId: string) =>
  sql<boolean>`${sql.ref(`${table}.photo_ids`)} like ${`%"${fileId}"%`}`;

/** The tasks of the plan with a progress update showing this photo. */
export async function tasksShowingPhoto(db: Db, planId: string, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_progress')
    .innerJoin('plan_tasks', 'plan_tasks.id', 'plan_progress.task_id')
    .select('plan_tasks.id')
    .distinct()
    .where('plan_tasks.plan_id', '=', planId)
    .where(holds('plan_progress', fileId))
    .execute();
  return rows.map((r) => r.id);
}

/** Whether a spending entry of the plan shows this photo (a receipt). */
export async function spendingShowsPhoto(db: Db, planId: string, fileId: string): Promise<boolean> {
  const row = await db
    .selectFrom('plan_spending')
    .innerJoin('plan_funding', 'plan_funding.id', 'plan_spending.funding_id')
    .select('plan_spending.id')
    .where('plan_funding.plan_id', '=', planId)
    .where(holds('plan_spending', fileId))
    .executeTakeFirst();
  return row !== undefined;
}

/** Photos of `kind` uploaded before `before` and shown by no progress update or spending entry. Oldest first. */
export async function unattachedPlanPhotos(db: Db, kind: string, before: string, limit: number): Promise<string[]> {
  const inList = (col: string) =>
    sql<boolean>`${sql.ref(col)} like ('%"' || files.id || '"%') and parent.plan_id = files.owner_id`;
  // Rows of the file's plan (`parent`: the task or the funding) whose photo_ids hold it.
  const progress = db
    .selectFrom('plan_progress')
    .innerJoin('plan_tasks as parent', 'parent.id', 'plan_progress.task_id')
    .select('plan_progress.id')
    .where(inList('plan_progress.photo_ids'));
  const spending = db
    .selectFrom('plan_spending')
    .innerJoin('plan_funding as parent', 'parent.id', 'plan_spending.funding_id')
    .select('plan_spending.id')
    .where(inList('plan_spending.photo_ids'));
  const rows = await db
    .selectFrom('files')
    .select('files.id')
    .where('files.owner_kind', '=', kind)
    .where('files.created_at', '<', before)
    .where((eb) => eb.and([progress, spending].map((q) => eb.not(eb.exists(q)))))
    .orderBy('files.created_at')
    .orderBy('files.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
