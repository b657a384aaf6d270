import type { Kysely } from 'kysely';

// Frozen. Residents' needs (点单—派单—接单—评单). `need_types` is the list the city can extend,
// seeded with the defaults. A need's address, position and contact are the resident's personal
// data: kept encrypted (`*_enc`), with the region in clear for scopes and statistics. Each step is
// a row of `need_events`, the need's timeline; the need row holds where it stands now.

const TYPES: [string, string, string][] = [
  ['elderly_care', '助老服务', 'Elderly care'],
  ['disability_care', '助残服务', 'Disability care'],
  ['child_care', '关爱儿童', 'Child care'],
  ['medical_escort', '就医陪护', 'Medical escort'],
  ['legal_aid', '法律援助', 'Legal aid'],
  ['psychological', '心理疏导', 'Psychological support'],
  ['environment', '环境整治', 'Environment'],
  ['repair', '便民维修', 'Repairs'],
  ['other', '其他', 'Other'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('need_types')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db
    .insertInto('need_types' as never)
    .values(
      TYPES.map(([code, zh, en], i) => ({ code, name_zh: zh, name_en: en, sort: (i + 1) * 10, active: 1 })) as never,
    )
    .execute();

  await db.schema
    .createTable('needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('type', 'text', (c) => c.notNull().references('need_types.code'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('address_enc', 'text', (c) => c.notNull())
    .addColumn('position_enc', 'text')
    .addColumn('contact_enc', 'text')
    .addColumn('contact_masked', 'text')
    .addColumn('wanted_at', 'text')
    .addColumn('risk_accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('taker_volunteer_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('reason', 'text')
    .addColumn('report', 'text')
    .addColumn('score', 'integer')
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('needs_resident').on('needs').columns(['resident_user_id', 'id']).execute();
  await db.schema.createIndex('needs_region').on('needs').columns(['region_code', 'status', 'id']).execute();
  await db.schema.createIndex('needs_organisation').on('needs').columns(['organisation_id', 'status', 'id']).execute();

  await db.schema
    .createTable('need_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('need_id', 'text', (c) => c.notNull().references('needs.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('need_events_need').on('need_events').columns(['need_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('need_events').execute();
  await db.schema.dropTable('needs').execute();
  await db.schema.dropTable('need_types').execute();
}
