// The public face of the stats module: what other modules may use. Nothing else of it is theirs.
export { peopleServedChanged, pointsGranted, recordCounted, redemptionCounted, stockCounted } from './stats.keeping.js';
export { membershipCounted, membershipsEnded, volunteerCounted, volunteersRegistered } from './stats.people.js';
export {
  buildStatsIfMissing,
  foldDeltas,
  rebuildStats,
  verifyStats,
  type StatsVerifyReport,
} from './stats.fold.repository.js';
export { statsRoutes } from './stats.routes.js';
export { overview } from './stats.service.js';
export { resolveWindow } from './stats.window.js';
