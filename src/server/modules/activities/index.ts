// The public face of the activities module: what other modules may use. Nothing else of it is theirs.
export { organises, requireOrganiser } from './activities.access.js';
export { countActivities, countShiftsAtSite } from './counts.repository.js';
export {
  activitiesTitled,
  activityById,
  addTaken,
  fieldExists,
  insertActivity,
  insertShifts,
  lockShift,
  markShiftReminded,
  shiftById,
} from './activities.repository.js';
export { listenToActivities, type ActivityListener } from './activity-events.js';
export { createActivity } from './activities.service.js';
