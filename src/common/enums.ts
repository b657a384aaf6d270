/**
 * Fixed vocabularies of the public API. More values may be added; none may be renamed.
 * Used by the API schemas, the UI and the CLI alike.
 */
export const ROLES = [
  'volunteer',
  'resident',
  'team_admin',
  'site_manager',
  'clerk',
  'department_admin',
  'region_admin',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['system', 'region', 'organisation', 'site'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Which scope type each role is granted at. */
export const ROLE_SCOPE: Record<Role, ScopeType> = {
  volunteer: 'system',
  resident: 'system',
  team_admin: 'organisation',
  site_manager: 'site',
  clerk: 'site',
  department_admin: 'organisation',
  region_admin: 'region',
  system_admin: 'system',
};

export const ORG_KINDS = ['department', 'organisation', 'team'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_LEVELS = ['city', 'district', 'town', 'community'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const REGION_LEVELS = ['province', 'city', 'district', 'town', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const SITE_TYPES = [
  'guidance_centre',
  'town_centre',
  'practice_point',
  'industry_base',
  'youth_home',
  'legal_station',
  'supermarket',
  'other',
] as const;
export type SiteType = (typeof SITE_TYPES)[number];

export const ID_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_id',
] as const;
export type IdType = (typeof ID_TYPES)[number];

export const RECORD_SOURCES = ['self', 'organiser_scan', 'hand', 'late', 'import'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

/** Default service fields (服务领域). The table is data and can be extended. */
export const DEFAULT_FIELDS = [
  { code: 'publicity', zh: '理论宣讲', en: 'Publicity and lectures' },
  { code: 'legal', zh: '法律服务', en: 'Legal aid' },
  { code: 'ecology', zh: '生态环保', en: 'Ecology' },
  { code: 'science', zh: '科学普及', en: 'Science' },
  { code: 'emergency', zh: '应急救援', en: 'Emergency and fire' },
  { code: 'culture', zh: '文化文艺', en: 'Culture' },
  { code: 'health', zh: '卫生健康', en: 'Health' },
  { code: 'disability', zh: '助残服务', en: 'Disability assistance' },
  { code: 'elderly', zh: '关爱老人', en: 'Elderly care' },
  { code: 'children', zh: '关爱儿童', en: 'Children' },
  { code: 'community', zh: '社区治理', en: 'Community governance' },
] as const;

export const MEMBERSHIP_ROLES = ['member', 'leader'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/**
 * A membership is by consent: an organisation invites (invited) or the volunteer applies
 * (applied); the other side accepts (active) or declines (declined); either side can end it
 * (ended). Only an active membership lets the organisation's admins see the person.
 */
export const MEMBERSHIP_STATUSES = ['invited', 'applied', 'active', 'declined', 'ended'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** How an attendance was checked in or out: by the volunteer's scan, the organiser's, by hand, or by the clock. */
export const ATTENDANCE_METHODS = ['self_scan', 'organiser_scan', 'hand', 'auto'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

/** Points ledger accounts. wallet: a volunteer; budget: an organisation; supermarket: a site; expiry/system: the city. */
export const POINT_ACCOUNT_KINDS = ['wallet', 'budget', 'supermarket', 'expiry', 'system'] as const;
export type PointAccountKind = (typeof POINT_ACCOUNT_KINDS)[number];

/** What a points transaction does, as a volunteer's statement names it. */
export const POINT_TRANSACTION_KINDS = ['earn', 'redeem', 'expire', 'adjust', 'reverse'] as const;
export type PointTransactionKind = (typeof POINT_TRANSACTION_KINDS)[number];

/** What caused a points transaction. */
export const POINT_TRANSACTION_SOURCES = [
  'rule',
  'redemption',
  'reversal',
  'adjustment',
  'expiry',
  'honour',
  'report',
] as const;
export type PointTransactionSource = (typeof POINT_TRANSACTION_SOURCES)[number];

/** Where a point rule applies: a region code, or an organisation (a department or any other). */
export const POINT_RULE_SCOPE_TYPES = ['region', 'organisation'] as const;
export type PointRuleScopeType = (typeof POINT_RULE_SCOPE_TYPES)[number];

/** Derived from a resident ID number (its 17th digit). */
export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** The languages the platform speaks, default first. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A login account: active, or closed at its owner's request (its personal data erased). */
export const USER_STATUSES = ['active', 'closed'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** An organisation's or a site's status. Retiring one is not built yet, so every one is active. */
export const UNIT_STATUSES = ['active'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** A shift is open until it (or its activity) is cancelled. */
export const SHIFT_STATUSES = ['open', 'cancelled'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];

/** A message waiting in the outbox: pending until sent, given up on (failed), or not needed (skipped). */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Honour (荣誉) levels, from the widest awarding body to the narrowest. */
export const HONOUR_LEVELS = ['national', 'city', 'district', 'street'] as const;
export type HonourLevel = (typeof HONOUR_LEVELS)[number];

/** What an honour was awarded to. */
export const HONOUR_SUBJECT_KINDS = ['project', 'organisation', 'volunteer'] as const;
export type HonourSubjectKind = (typeof HONOUR_SUBJECT_KINDS)[number];

/** A story's review: written (draft), sent for review, published, or returned with a reason. */
export const STORY_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** A story tip in its organisation's inbox: new, used for a story, or dismissed. */
export const STORY_TIP_STATUSES = ['new', 'used', 'dismissed'] as const;
export type StoryTipStatus = (typeof STORY_TIP_STATUSES)[number];
