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
