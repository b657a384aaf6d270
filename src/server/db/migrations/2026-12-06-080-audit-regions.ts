import { sql, type Kysely } from 'kysely';

// Frozen. The audit log becomes readable by region admins over their region: each entry
// carries the region its subject lies in (null for city-wide things: projects, point rules,
// policies), filled here for the entries written so far.

const REGION_OF: Record<string, string> = {
  volunteer: 'SELECT region_code FROM volunteers WHERE id = audit_log.entity_id',
  user: 'SELECT region_code FROM users WHERE id = audit_log.entity_id',
  organisation: 'SELECT region_code FROM organisations WHERE id = audit_log.entity_id',
  site: 'SELECT region_code FROM sites WHERE id = audit_log.entity_id',
  region: 'SELECT code FROM regions WHERE code = audit_log.entity_id',
  activity: 'SELECT region_code FROM activities WHERE id = audit_log.entity_id',
  shift:
    'SELECT a.region_code FROM shifts s JOIN activities a ON a.id = s.activity_id WHERE s.id = audit_log.entity_id',
  service_record:
    'SELECT a.region_code FROM service_records r JOIN activities a ON a.id = r.activity_id WHERE r.id = audit_log.entity_id',
  goods: 'SELECT s.region_code FROM goods g JOIN sites s ON s.id = g.site_id WHERE g.id = audit_log.entity_id',
  redemption:
    'SELECT s.region_code FROM redemptions r JOIN sites s ON s.id = r.site_id WHERE r.id = audit_log.entity_id',
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('region_code', 'text').execute();
  for (const [type, query] of Object.entries(REGION_OF)) {
    await sql`UPDATE audit_log SET region_code = (${sql.raw(query)}) WHERE entity_type = ${type}`.execute(db);
  }
  await db.schema.createIndex('audit_region').on('audit_log').columns(['region_code', 'id']).execute();
  await db.schema.createIndex('audit_actor').on('audit_log').columns(['actor_user_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_actor').execute();
  await db.schema.dropIndex('audit_region').execute();
  await db.schema.alterTable('audit_log').dropColumn('region_code').execute();
}
