import type { Attendance } from '../../../common/contract/checkin.js';
import { ATTENDANCE_FLAGS, type AttendanceFlag } from '../../../common/hours.js';
import type { AttendanceTable } from '../../db/schema.js';

export type AttendanceRow = Omit<AttendanceTable, 'auto_closed'> & { auto_closed: number };

export function parseFlags(text: string): AttendanceFlag[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((f): f is AttendanceFlag => ATTENDANCE_FLAGS.includes(f as AttendanceFlag)) : [];
  } catch {
    return [];
  }
}

/** An attendance as the API shows it; positions stay on the server (they are personal data). */
export function presentAttendance(a: AttendanceRow, recordId: string | null): Attendance {
  return {
    id: a.id,
    shiftId: a.shift_id,
    volunteerId: a.volunteer_id,
    checkedInAt: a.checked_in_at,
    inMethod: a.in_method,
    checkedOutAt: a.checked_out_at,
    outMethod: a.out_method,
    flags: parseFlags(a.flags),
    reason: a.reason,
    recordId,
  };
}
