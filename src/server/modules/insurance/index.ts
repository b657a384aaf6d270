// The public face of the insurance module: what other modules may use. Nothing else of it is theirs.
export { insuranceOnActivities } from './insurance.listener.js';
export { insuredOfShiftForExport, type InsuredPerson } from './insurance.service.js';
