/** Table types for uploaded files (migration 300). */

export interface FilesTable {
  /** Random (not time-ordered): it is part of the file's URL. */
  id: string;
  /** What the file belongs to, e.g. `need_photo`: the module that declared the kind says who sees it. */
  owner_kind: string;
  owner_id: string;
  content_type: string;
  /** Bytes of the stored (re-encoded) file. */
  size: number;
  width: number | null;
  height: number | null;
  storage_key: string;
  thumbnail_key: string | null;
  created_by: string;
  created_at: string;
}

export interface FilesTables {
  files: FilesTable;
}
