/** Table types for reports (随手拍) (migration 400). Column names are snake_case as in the migrations. */
import type { ReportCategory, ReportEventKind, ReportStatus } from '../../../common/contract/reports.js';

export interface ReportRoutesTable {
  id: string;
  /** The rule covers this region and every region below it, unless a more specific rule does. */
  region_code: string;
  category: ReportCategory;
  organisation_id: string;
  updated_by: string;
  updated_at: string;
}

export interface ReportsTable {
  id: string;
  reporter_user_id: string;
  category: ReportCategory;
  text: string;
  region_code: string;
  /** `lat,lng` as the reporter agreed to give it, encrypted; null when not given. */
  position_enc: string | null;
  observed_at: string;
  status: ReportStatus;
  /** The organisation it is with now (null while unrouted). */
  organisation_id: string | null;
  /** The reporter's photos: a JSON list of file ids (kind report_photo, owned by the report). */
  photo_ids: string;
  created_at: string;
  updated_at: string;
  /** When it was handled or rejected. */
  closed_at: string | null;
}

export interface ReportEventsTable {
  id: string;
  report_id: string;
  kind: ReportEventKind;
  at: string;
  by_user_id: string | null;
  /** The organisation the step sent it to, or that answered. */
  organisation_id: string | null;
  note: string | null;
  /** The answer's photos: a JSON list of file ids (kind report_photo, owned by the report). */
  photo_ids: string;
}

export interface ReportsTables {
  report_routes: ReportRoutesTable;
  reports: ReportsTable;
  report_events: ReportEventsTable;
}
