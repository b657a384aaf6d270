// The public face of the files module (uploaded photos: stored, served to those allowed): what other modules may use.
export { fileRoutes } from './files.routes.js';
export { attachablePhotoIds, claimPhotos, fileUrls, ownFilesOf, storePhoto, type FilesCtx } from './files.service.js';
/** Deleting files: the hourly sweep of unwanted ones, and a closed account's (rows in its transaction, bytes after). */
export { forgetFiles, removeStored, sweepFiles, type FilesLog } from './files.sweep.js';
/** A module's route that takes one uploaded image (multipart, size-limited, checked before its bytes are read). */
export {
  imageUploadRoute,
  photoUploadRoute,
  uploadLimits,
  type ImageUploadRoute,
  type PhotoUploadRoute,
} from './files.upload.js';
