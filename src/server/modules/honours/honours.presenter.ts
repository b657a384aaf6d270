import type { HonourView } from '../../../common/contract/honours.js';
import { fileUrls } from '../files/index.js';
import type { HonourRow } from './honours.repository.js';

/**
 * An honour as the API answers it, field by field. Its certificate image only for a signed-in
 * caller (`showImage`): files are served behind a session, so a link would not open for others.
 */
export function presentHonour(r: HonourRow, points: number, canDelete: boolean, showImage: boolean): HonourView {
  return {
    id: r.id,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    name: r.name,
    level: r.level,
    year: r.year === null ? null : Number(r.year),
    issuer: r.issuer,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    points,
    canDelete,
    image: showImage && r.image_file_id ? fileUrls(r.image_file_id) : null,
  };
}

/** A project's honour in the projects API's older shape ({title, year?, awardedBy?}). */
export function presentProjectHonour(r: HonourRow): { title: string; year?: number; awardedBy?: string } {
  return {
    title: r.name,
    ...(r.year === null ? {} : { year: Number(r.year) }),
    ...(r.issuer === null ? {} : { awardedBy: r.issuer }),
  };
}
