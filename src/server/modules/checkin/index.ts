// The public face of the checkin module: what other modules may use. Nothing else of it is theirs.
export { attendanceForExport } from './checkin.service.js';
export { closeOverdueAttendance } from './auto-close.js';
