/** Table types for settings, projects, activities, shifts, sign-ups, attendance, records, insurance, notifications and calendar feeds. Column names are snake_case as in the migrations. */
import type { Generated } from 'kysely';
import type { ActivityStatus } from '../../../common/contract/activities.js';
import type { NotificationChannel } from '../../../common/contract/notifications.js';
import type { CorrectionStatus, RecordStatus } from '../../../common/contract/records.js';
import type { SignupStatus } from '../../../common/contract/signups.js';
import type { AttendanceMethod, OutboxStatus, RecordSource, ShiftStatus } from '../../../common/enums.js';

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ProjectsTable {
  id: string;
  name: string;
  department_id: string;
  field: string;
  parent_id: string | null;
  description: string | null;
  goals: string | null;
  created_at: string;
}

export interface QualificationKindsTable {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface VolunteerQualificationsTable {
  id: string;
  volunteer_id: string;
  kind: string;
  expires_at: string | null;
  verified_by: string | null;
  created_at: string;
}

export interface ActivitiesTable {
  id: string;
  organisation_id: string;
  project_id: string | null;
  title: string;
  field: string;
  description: string;
  site_id: string | null;
  region_code: string;
  address: string;
  lat: number;
  lng: number;
  radius_m: number;
  requires_approval: number;
  risky: number;
  recurrence: string | null;
  /** Stored: draft, published or cancelled; running and finished come from the clock. */
  status: ActivityStatus;
  created_by: string;
  created_at: string;
  published_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  first_start_at: string;
  last_end_at: string;
  /** Whom volunteers holding a sign-up call; shown to them and the organisers only. */
  contact_name: string | null;
  contact_phone: string | null;
}

export interface ShiftsTable {
  id: string;
  activity_id: string;
  start_at: string;
  end_at: string;
  capacity: number;
  taken: Generated<number>;
  signup_deadline: string | null;
  min_age: number | null;
  max_age: number | null;
  required_qualifications: string;
  required_skills: string;
  break_minutes: Generated<number>;
  people_served: number | null;
  status: Generated<ShiftStatus>;
  closed_at: string | null;
  reminded_at: string | null;
}

export interface SignupsTable {
  id: string;
  shift_id: string;
  volunteer_id: string;
  status: SignupStatus;
  seq: number;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
  start_at: string;
  end_at: string;
}

export interface AttendanceTable {
  id: string;
  shift_id: string;
  volunteer_id: string;
  signup_id: string | null;
  day: string;
  checked_in_at: string;
  in_method: AttendanceMethod;
  in_lat: number | null;
  in_lng: number | null;
  in_accuracy_m: number | null;
  checked_out_at: string | null;
  out_method: AttendanceMethod | null;
  out_lat: number | null;
  out_lng: number | null;
  out_accuracy_m: number | null;
  flags: string;
  reason: string | null;
  recorded_by: string | null;
  auto_closed: Generated<number>;
  created_at: string;
}

export interface ServiceRecordsTable {
  id: string;
  volunteer_id: string;
  activity_id: string;
  shift_id: string | null;
  organisation_id: string;
  attendance_id: string | null;
  service_date: string;
  start_at: string;
  end_at: string;
  minutes: number;
  content: string;
  place: string;
  source: RecordSource;
  status: RecordStatus;
  evidence: string | null;
  recorded_by: string | null;
  approved_by: string | null;
  confirmed_at: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
  replaces_id: string | null;
  created_at: string;
  /** JSON list of attendance flags carried over (migration 020). */
  flags: Generated<string>;
}

export interface RecordCorrectionsTable {
  id: string;
  record_id: string;
  volunteer_id: string;
  requested_start: string | null;
  requested_end: string | null;
  reason: string;
  status: CorrectionStatus;
  answer: string | null;
  answered_by: string | null;
  created_at: string;
  answered_at: string | null;
}

export interface InsurancePoliciesTable {
  id: string;
  activity_id: string | null;
  organisation_id: string | null;
  insurer: string;
  policy_number: string;
  starts_on: string;
  ends_on: string;
  created_by: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  /** A templated kind (NOTIFICATION_KINDS) or a one-off one that carries its own text. */
  kind: string;
  title: string;
  body: string;
  data: string;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}

export interface OutboxTable {
  id: string;
  notification_id: string;
  channel: NotificationChannel;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface NotificationPrefsTable {
  user_id: string;
  channel: NotificationChannel;
  enabled: number;
}

export interface CalendarFeedsTable {
  volunteer_id: string;
  token_hash: string;
  token_enc: string;
  created_at: string;
}

/** Migration 030: the last version of each sign-up's calendar event a feed showed. */
export interface CalendarEventVersionsTable {
  signup_id: string;
  fingerprint: string;
  sequence: number;
  modified_at: string;
}

export interface ActivitiesTables {
  settings: SettingsTable;
  projects: ProjectsTable;
  qualification_kinds: QualificationKindsTable;
  volunteer_qualifications: VolunteerQualificationsTable;
  activities: ActivitiesTable;
  shifts: ShiftsTable;
  signups: SignupsTable;
  attendance: AttendanceTable;
  service_records: ServiceRecordsTable;
  record_corrections: RecordCorrectionsTable;
  insurance_policies: InsurancePoliciesTable;
  notifications: NotificationsTable;
  outbox: OutboxTable;
  notification_prefs: NotificationPrefsTable;
  calendar_feeds: CalendarFeedsTable;
  calendar_event_versions: CalendarEventVersionsTable;
}
