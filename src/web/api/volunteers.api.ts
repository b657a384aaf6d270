import type { z } from 'zod';
import type { VolunteerCreateBody, VolunteerSchema } from './pending-contracts.js';
import { api } from './http-client.js';

export type VolunteerInput = z.infer<typeof VolunteerCreateBody>;
export type Volunteer = z.infer<typeof VolunteerSchema>;

export const registerVolunteer = (body: VolunteerInput) => api.post<Volunteer>('/volunteers', body);
export const getVolunteer = (id: string) => api.get<Volunteer>(`/volunteers/${encodeURIComponent(id)}`);
