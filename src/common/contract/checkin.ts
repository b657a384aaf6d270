import { z } from 'zod';
import { ATTENDANCE_METHODS } from '../enums.js';
import { ATTENDANCE_FLAGS } from '../hours.js';
import { LIMITS } from '../limits.js';
import { Latitude, Longitude, text } from './common.js';

/** An ISO-8601 time with offset, e.g. 2026-12-01T09:00:00+08:00. */
export const IsoTime = z.iso.datetime({ offset: true }).describe('ISO-8601 time with offset');

export const CheckinCodeSchema = z
  .object({
    shiftId: z.string(),
    token: z.string().describe('QR payload: `<shiftId>.<window>.<signature>`'),
    code: z.string().describe('The same rotating value as 6 digits, typed together with the shift id'),
    expiresAt: z.string().describe('When the next code replaces this one; it is still accepted one window longer'),
    windowSeconds: z.number().int().describe('How often the code rotates (settings.codeWindowSeconds)'),
  })
  .describe('Rotating check-in code of a shift');
export type CheckinCode = z.infer<typeof CheckinCodeSchema>;

export const MemberCodeSchema = z
  .object({
    token: z.string().describe('QR payload: `M.<volunteerId>.<window>.<signature>`'),
    expiresAt: z.string().describe('When the next code replaces this one; it is still accepted one window longer'),
    windowSeconds: z.number().int(),
  })
  .describe('Rotating member code, scanned by organisers and supermarket clerks');
export type MemberCode = z.infer<typeof MemberCodeSchema>;

/**
 * Check-in and check-out: either the scanned `token`, or the typed `code` with its
 * `shiftId`; always the phone's position and its reported accuracy.
 */
export const ScanBody = z
  .strictObject({
    token: z.string().trim().min(1).max(200).optional().describe('The scanned QR payload'),
    shiftId: z.string().trim().min(1).max(64).optional().describe('With `code`: the shift the code belongs to'),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be 6 digits')
      .optional()
      .describe('The 6-digit code shown beside the QR code'),
    lat: Latitude,
    lng: Longitude,
    accuracyM: z.number().min(0).max(100_000).describe('Accuracy the phone reports, in metres'),
  })
  .refine((b) => b.token !== undefined || (b.shiftId !== undefined && b.code !== undefined), {
    message: 'send either token, or shiftId and code',
    path: ['token'],
  });
export type ScanInput = z.infer<typeof ScanBody>;

export const AttendanceSchema = z
  .object({
    id: z.string(),
    shiftId: z.string(),
    volunteerId: z.string(),
    checkedInAt: z.string(),
    inMethod: z.enum(ATTENDANCE_METHODS),
    checkedOutAt: z.string().nullable(),
    outMethod: z.enum(ATTENDANCE_METHODS).nullable(),
    flags: z.array(z.enum(ATTENDANCE_FLAGS)).describe('Reasons for the organiser to look'),
    reason: z.string().nullable().describe('Why an organiser entered it'),
    recordId: z.string().nullable().describe('The service record made at check-out (pending)'),
  })
  .describe('Attendance (签到/签退)');
export type Attendance = z.infer<typeof AttendanceSchema>;

/** An organiser checks a volunteer in or out: by their member code, or by hand with a reason. */
export const AttendanceEntryBody = z
  .strictObject({
    volunteerId: z.string().trim().min(1).max(64).optional().describe('Hand entry: the volunteer'),
    memberCode: z.string().trim().min(1).max(200).optional().describe("Scanned: the volunteer's member code"),
    kind: z.enum(['in', 'out']),
    at: IsoTime.optional().describe('When it happened (default now); clipped to the shift'),
    reason: text(LIMITS.reasonMax).optional().describe('Required for hand entries'),
  })
  .refine((b) => (b.volunteerId === undefined) !== (b.memberCode === undefined), {
    message: 'send exactly one of volunteerId and memberCode',
    path: ['volunteerId'],
  })
  .refine((b) => b.volunteerId === undefined || b.reason !== undefined, {
    message: 'a hand entry needs a reason',
    path: ['reason'],
  });
export type AttendanceEntry = z.infer<typeof AttendanceEntryBody>;
