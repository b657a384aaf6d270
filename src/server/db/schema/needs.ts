/** Table types for residents' needs (migrations 250, 270, 310 and 320). Column names are snake_case as in the migrations. */

export type NeedStatus =
  'posted' | 'accepted' | 'rejected' | 'dispatched' | 'taken' | 'completed' | 'rated' | 'cancelled';

export type NeedEventKind =
  'posted' | 'reviewed' | 'dispatched' | 'taken' | 'completed' | 'rated' | 'cancelled' | 'complained';

export interface NeedTypesTable {
  code: string;
  name_zh: string;
  name_en: string;
  sort: number;
  active: number;
}

export interface NeedsTable {
  id: string;
  resident_user_id: string;
  type: string;
  text: string;
  region_code: string;
  /** The resident's address, encrypted; shown to the resident, the admins over the region and the taker. */
  address_enc: string;
  /** `lat,lng` picked on the map, encrypted; null when not given. */
  position_enc: string | null;
  /** The phone to call, encrypted; only the resident, the admins and the taker see it. */
  contact_enc: string | null;
  contact_masked: string | null;
  wanted_at: string | null;
  /** 1: the resident accepted the risk statement the service needs. */
  risk_accepted: number;
  status: NeedStatus;
  /** The team it is dispatched to. */
  organisation_id: string | null;
  /** The activity it was turned into. */
  activity_id: string | null;
  taker_volunteer_id: string | null;
  /** Why it was rejected or cancelled. */
  reason: string | null;
  /** The taker's report on completion. */
  report: string | null;
  score: number | null;
  comment: string | null;
  created_at: string;
  updated_at: string;
  /** When the current step is due by the region's service times; null when nothing is waited for (270). */
  due_at: string | null;
  /** The photos the taker attached on completion: a JSON list of file ids (310). */
  photo_ids: string;
  /** The site whose manager reviewed or dispatched it (320): the statistics count needs by it. */
  site_id: string | null;
}

export interface NeedEventsTable {
  id: string;
  need_id: string;
  kind: NeedEventKind;
  at: string;
  by_user_id: string | null;
  /** JSON: the decision, the team, the reason… never personal data. */
  details: string;
}

/** A region's own service times in minutes; null steps take the nearest ancestor's (270). */
export interface NeedSlasTable {
  region_code: string;
  review_minutes: number | null;
  dispatch_minutes: number | null;
  take_minutes: number | null;
  done_minutes: number | null;
  updated_at: string;
  updated_by: string | null;
}

export interface NeedsTables {
  need_slas: NeedSlasTable;
  need_types: NeedTypesTable;
  needs: NeedsTable;
  need_events: NeedEventsTable;
}
