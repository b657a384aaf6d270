import type { z } from 'zod';
import type { MySignupList, ShiftSignupList, Signup } from '../../common/contract/signups.js';
import { api } from './http-client.js';

export type MySignup = z.infer<typeof MySignupList>['items'][number];
export type ShiftSignup = z.infer<typeof ShiftSignupList>['items'][number];
export type { Signup };

const id = encodeURIComponent;

export const signUp = (shiftId: string) => api.post<Signup>(`/shifts/${id(shiftId)}/signups`);
export const cancelSignup = (signupId: string) => api.del<void>(`/signups/${id(signupId)}`);
export const mySignups = (query: { upcoming?: 'true' | 'false'; cursor?: string } = {}) =>
  api.get<z.infer<typeof MySignupList>>('/me/signups', { ...query, limit: 100 });

/** A shift's sign-ups in arrival order, wait-list included (organisers). */
export const shiftSignups = (shiftId: string) =>
  api.get<z.infer<typeof ShiftSignupList>>(`/shifts/${id(shiftId)}/signups`, { limit: 200 });
export const approveSignup = (signupId: string) => api.post<Signup>(`/signups/${id(signupId)}/approve`);
export const rejectSignup = (signupId: string, reason?: string) =>
  api.post<Signup>(`/signups/${id(signupId)}/reject`, reason ? { reason } : {});
export const markNoShow = (signupId: string) => api.post<Signup>(`/signups/${id(signupId)}/no-show`);

/** React Query keys of sign-ups. */
export const signupKeys = {
  mine: ['me', 'signups'] as const,
  ofShift: (shiftId: string | null | undefined) => ['shift', shiftId, 'signups'] as const,
};
