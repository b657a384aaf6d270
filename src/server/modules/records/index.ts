// The public face of the records module: what other modules may use. Nothing else of it is theirs.
export { requireOrganiserOf, requireOrganiserRole } from './records.access.js';
export { applyConfirm } from './records.confirm.js';
export { countPendingRecords } from './counts.repository.js';
export { insertRecord, recordById } from './records.repository.js';
export { listRecordsShown, recordFromAttendance } from './records.service.js';
