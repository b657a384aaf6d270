import type { z } from 'zod';
import type { RegisterVolunteerBody, Volunteer } from '../../common/contract/volunteers.js';
import { api } from './http-client.js';

export type VolunteerInput = z.input<typeof RegisterVolunteerBody>;
export type { Volunteer };

export const registerVolunteer = (body: VolunteerInput) => api.post<Volunteer>('/volunteers', body);
export const getVolunteer = (id: string) => api.get<Volunteer>(`/volunteers/${encodeURIComponent(id)}`);
