import type { Kysely } from 'kysely';

// Frozen. Departments' yearly plans (专项实施方案): key tasks with a responsible organisation, an
// integer target and a local-day deadline; progress updates appended (the latest value counts);
// funding per programme (brand project) and year, with spending entries appended and `spent`
// kept as their sum, changed only in the transaction that writes an entry. Money is integer fen.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_department_year').on('plans').columns(['department_id', 'year', 'id']).execute();
  await db.schema.createIndex('plans_year').on('plans').columns(['year', 'id']).execute();

  await db.schema
    .createTable('plan_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('target', 'bigint', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('overdue_noticed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_tasks_plan').on('plan_tasks').columns(['plan_id', 'id']).execute();
  await db.schema.createIndex('plan_tasks_deadline').on('plan_tasks').columns(['deadline']).execute();
  await db.schema.createIndex('plan_tasks_organisation').on('plan_tasks').columns(['organisation_id']).execute();

  await db.schema
    .createTable('plan_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('plan_tasks.id'))
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('evidence_url', 'text')
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_progress_task').on('plan_progress').columns(['task_id', 'id']).execute();

  await db.schema
    .createTable('plan_funding')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('budget_fen', 'bigint', (c) => c.notNull())
    .addColumn('spent_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_funding_programme_year', ['plan_id', 'project_id', 'year'])
    .execute();

  await db.schema
    .createTable('plan_spending')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('funding_id', 'text', (c) => c.notNull().references('plan_funding.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('spent_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_spending_funding').on('plan_spending').columns(['funding_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['plan_spending', 'plan_funding', 'plan_progress', 'plan_tasks', 'plans']) {
    await db.schema.dropTable(t).execute();
  }
}
