// The public face of the reports module (随手拍: submitted, routed by rule, answered): what others may use.
export { reportRoutes } from './reports.routes.js';
/** Photos of reports: who sees one, and which uploads were never attached. */
export {
  photosOfClosingReporter,
  REPORT_PHOTO,
  REPORT_UPLOAD,
  reportPhotoOwner,
  reportUploadOwner,
  reportUploadSweeper,
} from './reports.photos.js';
/** The person's own reports, for their data export. */
export { myReportsForExport } from './reports.service.js';
/** The reports waiting on a person, for their workbench; the statistics, for their .xlsx. */
export { reportsToDo, reportStats, scopedReportStats } from './reports.stats.js';
/** The services the demo walks its reports and routing rules through. */
export { answerReport, routeReport, submitReport } from './reports.service.js';
export { setRoutingRule } from './reports.routing.js';
