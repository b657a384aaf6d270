import { sql, type Kysely } from 'kysely';

// Frozen. Activities, shifts, sign-ups, attendance, service records and notifications.
// Hours are kept as whole minutes (integers); the API shows them as decimals.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('projects.id'))
    .addColumn('description', 'text')
    .addColumn('goals', 'text')
    .addColumn('honours', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('qualification_kinds')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('volunteer_qualifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('kind', 'text', (c) => c.notNull().references('qualification_kinds.code'))
    .addColumn('expires_at', 'text')
    .addColumn('verified_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('volunteer_qualifications_vol')
    .on('volunteer_qualifications')
    .columns(['volunteer_id', 'kind'])
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('radius_m', 'integer', (c) => c.notNull())
    .addColumn('requires_approval', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('risky', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recurrence', 'text') // JSON {freq:'weekly', count|until}, or null
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('first_start_at', 'text', (c) => c.notNull())
    .addColumn('last_end_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activities_status_start')
    .on('activities')
    .columns(['status', 'first_start_at'])
    .execute();
  await db.schema.createIndex('activities_org').on('activities').column('organisation_id').execute();
  await db.schema.createIndex('activities_lat').on('activities').columns(['lat', 'lng']).execute();

  await db.schema
    .createTable('shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    // Places taken (approved sign-ups), changed only in the transaction that changes a sign-up.
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signup_deadline', 'text')
    .addColumn('min_age', 'integer')
    .addColumn('max_age', 'integer')
    .addColumn('required_qualifications', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('required_skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('break_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('people_served', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('closed_at', 'text')
    .addColumn('reminded_at', 'text')
    .execute();
  await db.schema.createIndex('shifts_activity').on('shifts').columns(['activity_id', 'start_at']).execute();
  await db.schema.createIndex('shifts_end').on('shifts').columns(['status', 'end_at']).execute();

  await db.schema
    .createTable('signups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shift_id', 'text', (c) => c.notNull().references('shifts.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // Arrival order within the shift; the wait-list is promoted in this order.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    // Copied from the shift so overlap checks need no join.
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signups_shift_seq').on('signups').columns(['shift_id', 'seq']).unique().execute();
  await db.schema.createIndex('signups_volunteer').on('signups').columns(['volunteer_id', 'start_at']).execute();
  // One live sign-up per volunteer and shift; cancelled or rejected ones stay as history.
  await db.schema
    .createIndex('signups_live_unique')
    .on('signups')
    .columns(['shift_id', 'volunteer_id'])
    .unique()
    .where(sql.ref('status'), 'in', ['applied', 'approved', 'waitlisted', 'no_show', 'attended'])
    .execute();

  await db.schema
    .createTable('attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shift_id', 'text', (c) => c.notNull().references('shifts.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('signup_id', 'text', (c) => c.references('signups.id'))
    .addColumn('day', 'text', (c) => c.notNull()) // local date of check-in, for the pairs-per-day limit
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('in_method', 'text', (c) => c.notNull())
    .addColumn('in_lat', 'double precision')
    .addColumn('in_lng', 'double precision')
    .addColumn('in_accuracy_m', 'double precision')
    .addColumn('checked_out_at', 'text')
    .addColumn('out_method', 'text')
    .addColumn('out_lat', 'double precision')
    .addColumn('out_lng', 'double precision')
    .addColumn('out_accuracy_m', 'double precision')
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('auto_closed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attendance_shift_vol').on('attendance').columns(['shift_id', 'volunteer_id']).execute();
  await db.schema.createIndex('attendance_vol_day').on('attendance').columns(['volunteer_id', 'day']).execute();
  // At most one open check-in per volunteer and shift: a repeated check-in finds it.
  await db.schema
    .createIndex('attendance_open_unique')
    .on('attendance')
    .columns(['shift_id', 'volunteer_id'])
    .unique()
    .where(sql.ref('checked_out_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('service_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('shift_id', 'text', (c) => c.references('shifts.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('attendance_id', 'text', (c) => c.references('attendance.id'))
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('approved_by', 'text', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('replaces_id', 'text', (c) => c.references('service_records.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('records_volunteer').on('service_records').columns(['volunteer_id', 'id']).execute();
  await db.schema
    .createIndex('records_org_status')
    .on('service_records')
    .columns(['organisation_id', 'status', 'id'])
    .execute();
  await db.schema.createIndex('records_attendance').on('service_records').column('attendance_id').execute();

  await db.schema
    .createTable('record_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('service_records.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('requested_start', 'text')
    .addColumn('requested_end', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();

  await db.schema
    .createTable('insurance_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('insurer', 'text', (c) => c.notNull())
    .addColumn('policy_number', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    // Unique per event, so the same event never notifies twice (e.g. 'reminder:<signup>').
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('outbox_unique', ['notification_id', 'channel'])
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('notification_prefs')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_prefs_pk', ['user_id', 'channel'])
    .execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('volunteer_id', 'text', (c) => c.primaryKey().references('volunteers.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Contact e-mail (encrypted, masked, hashed) for the e-mail channel.
  await db.schema.alterTable('users').addColumn('email_enc', 'text').execute();
  await db.schema.alterTable('users').addColumn('email_masked', 'text').execute();
  // Cached totals, changed only in the transaction that confirms or revokes a record.
  await db.schema
    .alterTable('volunteers')
    .addColumn('confirmed_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('volunteers')
    .addColumn('star_level', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('volunteers').addColumn('signup_suspended_until', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('volunteers').dropColumn('signup_suspended_until').execute();
  await db.schema.alterTable('volunteers').dropColumn('star_level').execute();
  await db.schema.alterTable('volunteers').dropColumn('confirmed_minutes').execute();
  await db.schema.alterTable('users').dropColumn('email_masked').execute();
  await db.schema.alterTable('users').dropColumn('email_enc').execute();
  for (const t of [
    'calendar_feeds',
    'notification_prefs',
    'outbox',
    'notifications',
    'insurance_policies',
    'record_corrections',
    'service_records',
    'attendance',
    'signups',
    'shifts',
    'activities',
    'volunteer_qualifications',
    'qualification_kinds',
    'projects',
    'settings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
