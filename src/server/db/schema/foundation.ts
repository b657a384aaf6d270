/** Table types for regions, users, organisations, volunteers, roles, sites and the audit log. Column names are snake_case as in the migrations. */
import type { ColumnType, Generated } from 'kysely';
import type { GuardianRelation } from '../../../common/contract/guardians.js';
import type { VerificationPurpose } from '../../../common/contract/verification.js';
import type { VolunteerStatus } from '../../../common/contract/volunteers.js';
import type {
  Gender,
  IdType,
  Locale,
  MembershipRole,
  MembershipStatus,
  OrgKind,
  OrgLevel,
  RegionLevel,
  Role,
  ScopeType,
  UnitStatus,
  UserStatus,
  SiteType,
} from '../../../common/enums.js';

export interface RegionsTable {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  kind: string;
  depth: number;
  lat: number | null;
  lng: number | null;
}

export interface ClosureTable {
  ancestor: string;
  descendant: string;
  depth: number;
}

export interface ServiceFieldsTable {
  code: string;
  name_zh: string;
  name_en: string;
  sort: number;
}

export interface UsersTable {
  id: string;
  username: string | null;
  display_name: string;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  password_hash: string;
  region_code: string | null;
  locale: Locale;
  status: UserStatus;
  created_at: string;
  email_enc: Generated<string | null>;
  email_masked: Generated<string | null>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** When the session was last used, to the minute: it ends after the idle timeout (null: never, until refreshed). */
  last_seen_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Security counters shared by every process (platform/throttle.repository.ts). */
export interface SecurityCountersTable {
  key: string;
  count: number;
  window_start: string;
  next_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** `read` (GET and HEAD only) or `full`. */
  scope: Generated<string>;
  created_at: string;
  /** The end of the token: past it the token is refused. */
  expires_at: string;
  revoked_at: string | null;
  /** When the token was last used, kept at most once a minute. */
  last_used_at: string | null;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: OrgKind;
  level: OrgLevel;
  region_code: string;
  parent_id: string | null;
  department_id: string | null;
  fields: string;
  description: string | null;
  status: UnitStatus;
  created_at: string;
}

export interface VolunteersTable {
  id: string;
  user_id: string;
  volunteer_code: string;
  national_code: string | null;
  name: string;
  id_type: IdType;
  id_number_enc: string;
  id_number_hash: string;
  /** First and last character only (5****************4): never enough to rebuild the number. */
  id_number_masked: string;
  /** From a resident ID; the whole birth date is only in the encrypted number. */
  birth_year: number | null;
  gender: Gender | null;
  region_code: string;
  skills: string;
  fields: string;
  availability: string;
  status: VolunteerStatus;
  registered_at: string;
  updated_at: string;
  /** Confirmed service, in whole minutes: a cache of the confirmed records' sum. */
  confirmed_minutes: Generated<number>;
  star_level: Generated<number>;
  signup_suspended_until: Generated<string | null>;
}

export interface MembershipsTable {
  id: string;
  organisation_id: string;
  volunteer_id: string;
  role: MembershipRole;
  status: MembershipStatus;
  joined_at: string;
}

export interface RoleGrantsTable {
  id: string;
  user_id: string;
  role: Role;
  scope_type: ScopeType;
  scope_id: string;
  granted_by: string | null;
  created_at: string;
}

export interface SitesTable {
  id: string;
  name: string;
  type: SiteType;
  region_code: string;
  address: string;
  lat: number;
  lng: number;
  organisation_id: string | null;
  opening_hours: string | null;
  facilities: string;
  accessibility: string | null;
  status: UnitStatus;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  details: string;
  /** Where the subject lies, for region admins' view of the log; null for city-wide things. */
  region_code: string | null;
}

/** One-time SMS codes: keyed hashes of the phone and of the code, never either in clear. */
export interface VerificationCodesTable {
  id: string;
  phone_hash: string;
  purpose: VerificationPurpose;
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: Generated<number>;
  consumed_at: string | null;
}

/** A minor's guardian: name and phone encrypted, the consent proved by an SMS code to that phone. */
export interface GuardiansTable {
  volunteer_id: string;
  name_enc: string;
  /** The first character and stars: the guardian's name is theirs, not the minor's to show. */
  name_masked: string;
  relation: GuardianRelation;
  phone_enc: string;
  phone_hash: string;
  phone_masked: string;
  verification_code_id: string;
  consented_at: string;
}

export interface FoundationTables {
  regions: RegionsTable;
  region_closure: ClosureTable;
  service_fields: ServiceFieldsTable;
  users: UsersTable;
  sessions: SessionsTable;
  security_counters: SecurityCountersTable;
  api_tokens: ApiTokensTable;
  organisations: OrganisationsTable;
  organisation_closure: ClosureTable;
  volunteers: VolunteersTable;
  memberships: MembershipsTable;
  role_grants: RoleGrantsTable;
  sites: SitesTable;
  audit_log: AuditLogTable;
  verification_codes: VerificationCodesTable;
  guardians: GuardiansTable;
}
