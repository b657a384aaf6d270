import type { z } from 'zod';
import type {
  Attendance,
  AttendanceEntryBody,
  CheckinCode,
  MemberCode,
  ScanBody,
} from '../../common/contract/checkin.js';
import { api } from './http-client.js';

export type ScanInput = z.input<typeof ScanBody>;
export type AttendanceEntryInput = z.input<typeof AttendanceEntryBody>;
export type { Attendance, CheckinCode, MemberCode };

const id = encodeURIComponent;

export const checkIn = (body: ScanInput) => api.post<Attendance>('/checkins', body);
export const checkOut = (body: ScanInput) => api.post<Attendance>('/checkouts', body);
export const myMemberCode = () => api.get<MemberCode>('/me/member-code');

/** The shift's rotating code (organisers): QR payload and the same value as 6 digits. */
export const checkinCode = (shiftId: string) => api.get<CheckinCode>(`/shifts/${id(shiftId)}/checkin-code`);
export const shiftAttendance = (shiftId: string) =>
  api.get<{ items: Attendance[] }>(`/shifts/${id(shiftId)}/attendance`);
export const enterAttendance = (shiftId: string, body: AttendanceEntryInput) =>
  api.post<Attendance>(`/shifts/${id(shiftId)}/attendance`, body);

/** React Query keys of check-in. */
export const checkinKeys = {
  memberCode: ['me', 'member-code'] as const,
  code: (shiftId: string) => ['shift', shiftId, 'code'] as const,
  attendance: (shiftId: string) => ['shift', shiftId, 'attendance'] as const,
};
