/** Table types for honours (migration 350). Column names are snake_case as in the migrations. */
import type { HonourLevel, HonourSubjectKind } from '../../../common/enums.js';

/** An honour (荣誉) won by a brand project, an organisation or a volunteer. */
export interface HonoursTable {
  id: string;
  subject_kind: HonourSubjectKind;
  subject_id: string;
  /**
   * The subject's region when recorded (a project's: its leading department's), so regional
   * counts are one closure look-up whatever the subject.
   */
  region_code: string;
  name: string;
  /** null only for honours moved from the projects' JSON column, which kept no level. */
  level: HonourLevel | null;
  year: number | null;
  issuer: string | null;
  /** null only for honours moved from the projects' JSON column. */
  recorded_by: string | null;
  recorded_at: string;
  /** The certificate image (a file of kind honour_image owned by the honour; migration 380), or null. */
  image_file_id: string | null;
}

export interface HonoursTables {
  honours: HonoursTable;
}
