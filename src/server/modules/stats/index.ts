// The public face of the stats module: what other modules may use. Nothing else of it is theirs.
export {
  membershipCounted,
  membershipsEnded,
  peopleServedChanged,
  recordCounted,
  redemptionCounted,
  stockCounted,
  volunteerCounted,
} from './stats.keeping.js';
export { buildStatsIfMissing, foldDeltas, rebuildStats, verifyStats, type StatsVerifyReport } from './stats.fold.js';
export { statsRoutes } from './stats.routes.js';
