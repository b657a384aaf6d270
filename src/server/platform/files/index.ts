// Uploaded files: where their bytes live (local disk or S3), images made safe to keep, and who may see a file.
import type { FilesConfig } from '../../config.js';
import { s3Storage } from './s3-storage.js';
import { localStorage, type FileStorage } from './storage.js';

export { localStorage, type FileStorage } from './storage.js';
export { s3Storage } from './s3-storage.js';
export { prepareImage, sniffImage, THUMBNAIL_PX, type PreparedImage } from './images.js';
export {
  fileOwner,
  fileSweepers,
  publicFile,
  registerPublicFiles,
  registerFileOwner,
  registerFileSweeper,
  type FileOwnerCheck,
  type FileSweeper,
  type OwnedFile,
  type PublicFileCheck,
} from './owners.js';

/** The storage the configuration names. */
export function storageFor(config: FilesConfig): FileStorage {
  return config.driver === 's3' ? s3Storage(config) : localStorage(config.dir);
}
