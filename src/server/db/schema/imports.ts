/** Table types for spreadsheet imports (migration 180). Column names are snake_case as in the migrations. */

export type ImportKind = 'volunteers' | 'organisations' | 'sites' | 'records';
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportsTable {
  id: string;
  kind: ImportKind;
  format: 'xlsx' | 'csv';
  status: ImportStatus;
  /** 1: a file with any bad row writes nothing. */
  all_or_nothing: number;
  /** Where the uploaded file is kept until the import ends (null once removed). */
  file_path: string | null;
  file_bytes: number;
  /** Bytes of the file read up to the last committed batch (migration 200). */
  bytes_read: number;
  created_by: string;
  /** Data rows read so far (the whole file's once it is done). */
  total: number;
  done: number;
  accepted: number;
  rejected: number;
  /** The file row up to which writes and counts are committed. */
  last_row: number;
  /** Why the whole import failed (a reason code), when it did. */
  failure: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** One reason a row was refused. */
export interface ImportRejectionsTable {
  import_id: string;
  row: number;
  /** Orders several reasons of one row. */
  seq: number;
  /** The column's header as the file has it ('' for the row as a whole). */
  column_name: string;
  /** A reason code, rendered in the reader's language. */
  reason: string;
  /** JSON parameters of the reason. */
  params: string;
}

export interface ImportsTables {
  imports: ImportsTable;
  import_rejections: ImportRejectionsTable;
}
