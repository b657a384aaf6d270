// The public face of the records module: what other modules may use. Nothing else of it is theirs.
export { requireOrganiserOf, requireOrganiserRole } from './records.access.js';
export { applyConfirm } from './records.confirm.js';
export { countPendingRecords } from './counts.repository.js';
export { recordsForExport, type RecordsForExport } from './records.export.js';
export type { ListedRecordRow } from './records.repository.js';
export { insertRecord, liveRecordOn, recordById } from './records.repository.js';
export { importRecord, listRecordsShown, recordFromAttendance, type ImportedRecord } from './records.service.js';
