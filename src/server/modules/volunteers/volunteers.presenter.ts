import type { AvailabilitySlot, Volunteer } from '../../../common/contract/volunteers.js';
import { minutesToHours } from '../../../common/settings.js';
import { toNumber } from '../../db/database.js';
import type { VolunteerRow } from './volunteers.repository.js';

/** A JSON list column; a malformed value reads as empty rather than failing the answer. */
function parseList<T>(text: string): T[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** How the reader stands to the volunteer, as far as the answer's fields go. */
export interface VolunteerView {
  /** Under the guardian age today. */
  minor: boolean;
  /** A reader who sees a minor only through a team membership: no ID, phone, birth year or gender. */
  limited?: boolean;
}

/**
 * A volunteer as the API shows it, field by field. The ID number and phone are the masked
 * values stored at registration: nothing here can decrypt, so nothing here can leak.
 */
export function presentVolunteer(r: VolunteerRow, view: VolunteerView): Volunteer {
  const full = presentAll(r, view.minor);
  if (!(view.minor && view.limited)) return full;
  return { ...full, idNumber: null, phone: null, birthYear: null, gender: null };
}

function presentAll(r: VolunteerRow, minor: boolean): Volunteer {
  return {
    id: r.id,
    userId: r.user_id,
    volunteerCode: r.volunteer_code,
    name: r.name,
    idType: r.id_type,
    idNumber: r.id_number_masked,
    birthYear: r.birth_year === null ? null : toNumber(r.birth_year),
    gender: r.gender,
    phone: r.phone_masked,
    regionCode: r.region_code,
    skills: parseList<string>(r.skills),
    fields: parseList<string>(r.fields),
    availability: parseList<AvailabilitySlot>(r.availability),
    status: r.status,
    minor,
    registeredAt: r.registered_at,
    hours: minutesToHours(toNumber(r.confirmed_minutes)),
    starLevel: toNumber(r.star_level),
    pointsBalance: toNumber(r.points_balance),
  };
}
