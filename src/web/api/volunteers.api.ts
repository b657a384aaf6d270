import type { Guardian, GuardianConsentBody } from '../../common/contract/guardians.js';
import type { z } from 'zod';
import type { RegisterVolunteerBody, Volunteer, VolunteerList } from '../../common/contract/volunteers.js';
import type { QualificationKindList, QualificationList, QualificationSchema } from '../../common/contract/signups.js';
import { api } from './http-client.js';

export type VolunteerInput = z.input<typeof RegisterVolunteerBody>;
export type VolunteerPage = z.infer<typeof VolunteerList>;
export type Qualification = z.infer<typeof QualificationSchema>;
export type { Volunteer };

const id = encodeURIComponent;

export const registerVolunteer = (body: VolunteerInput) => api.post<Volunteer>('/volunteers', body);
export const getVolunteer = (volunteerId: string) => api.get<Volunteer>(`/volunteers/${id(volunteerId)}`);

/** What an admin searches the volunteer list by: a name prefix or volunteer code, or a whole phone. */
export interface VolunteerSearch {
  regionCode?: string | undefined;
  /** Instead of a region: the members of this organisation and those under it (a department admin's). */
  organisationId?: string | undefined;
  q?: string | undefined;
  phone?: string | undefined;
}

/**
 * A page of the volunteer list of a region. Any search goes in a POST body, so neither a
 * phone nor a name ends up in a URL, the browser history or a proxy's log.
 */
export const searchVolunteers = (s: VolunteerSearch, cursor?: string) =>
  s.q || s.phone
    ? api.post<VolunteerPage>('/volunteers/search', { ...s, cursor, limit: 50 })
    : api.get<VolunteerPage>('/volunteers', {
        regionCode: s.regionCode,
        organisationId: s.organisationId,
        cursor,
        limit: 50,
      });

export const listQualifications = (volunteerId: string) =>
  api.get<z.infer<typeof QualificationList>>(`/volunteers/${id(volunteerId)}/qualifications`);
export const addQualification = (volunteerId: string, body: { kind: string; expiresAt?: string }) =>
  api.post<Qualification>(`/volunteers/${id(volunteerId)}/qualifications`, body);
export const listQualificationKinds = () => api.get<z.infer<typeof QualificationKindList>>('/qualification-kinds');

/** A minor's guardian consents: the code went to the guardian's phone (purpose guardian_consent). */
export const giveGuardianConsent = (body: GuardianConsentBody) => api.put<Guardian>('/me/guardian', body);
export const getGuardian = (volunteerId: string) => api.get<Guardian>(`/volunteers/${id(volunteerId)}/guardian`);

/** React Query keys of volunteers. */
export const volunteerKeys = {
  one: (volunteerId: string | null) => ['volunteer', volunteerId] as const,
  admin: (search: VolunteerSearch | null) => ['volunteers', 'admin', search] as const,
  guardian: (volunteerId: string) => ['guardian', volunteerId] as const,
  qualifications: (volunteerId: string) => ['qualifications', volunteerId] as const,
  qualificationKinds: ['qualification-kinds'] as const,
};
