import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Frozen. Honours (荣誉) of projects, organisations and volunteers in a table of their own.
// The brand projects' JSON column moves here, row by row ({title, year?, awardedBy?} → name,
// year, issuer; it kept no level and no recorder, so those stay null), and is dropped.
// `region_code` is the subject's region when recorded (a project's: its department's).

interface LegacyHonour {
  title?: unknown;
  year?: unknown;
  awardedBy?: unknown;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('honours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('year', 'integer')
    .addColumn('issuer', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('honours_subject').on('honours').columns(['subject_kind', 'subject_id', 'id']).execute();
  await db.schema.createIndex('honours_region').on('honours').columns(['region_code', 'level']).execute();

  const projects = await sql<{ id: string; honours: string; created_at: string; region_code: string }>`
    SELECT p.id, p.honours, p.created_at, o.region_code
    FROM projects p JOIN organisations o ON o.id = p.department_id
    ORDER BY p.id`.execute(db);
  for (const p of projects.rows) {
    let list: LegacyHonour[] = [];
    try {
      const parsed: unknown = JSON.parse(p.honours);
      if (Array.isArray(parsed)) list = parsed as LegacyHonour[];
    } catch {
      list = [];
    }
    for (const h of list) {
      if (typeof h.title !== 'string' || h.title.trim() === '') continue;
      const year = typeof h.year === 'number' && Number.isInteger(h.year) ? h.year : null;
      const issuer = typeof h.awardedBy === 'string' && h.awardedBy.trim() !== '' ? h.awardedBy : null;
      await sql`INSERT INTO honours (id, subject_kind, subject_id, region_code, name, level, year, issuer, recorded_by, recorded_at)
        VALUES (${randomUUID()}, 'project', ${p.id}, ${p.region_code}, ${h.title}, NULL, ${year}, ${issuer}, NULL, ${p.created_at})`.execute(
        db,
      );
    }
  }
  await db.schema.alterTable('projects').dropColumn('honours').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('projects')
    .addColumn('honours', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  const rows = await sql<{ subject_id: string; name: string; year: number | null; issuer: string | null }>`
    SELECT subject_id, name, year, issuer FROM honours WHERE subject_kind = 'project' ORDER BY recorded_at, id`.execute(
    db,
  );
  const byProject = new Map<string, LegacyHonour[]>();
  for (const r of rows.rows) {
    const list = byProject.get(r.subject_id) ?? [];
    list.push({
      title: r.name,
      ...(r.year === null ? {} : { year: Number(r.year) }),
      ...(r.issuer === null ? {} : { awardedBy: r.issuer }),
    });
    byProject.set(r.subject_id, list);
  }
  for (const [id, list] of byProject) {
    await sql`UPDATE projects SET honours = ${JSON.stringify(list)} WHERE id = ${id}`.execute(db);
  }
  await db.schema.dropTable('honours').execute();
}
