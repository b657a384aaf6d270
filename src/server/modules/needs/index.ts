// The public face of the needs module (residents' needs: 点单—派单—接单—评单): what other modules may use.
import type { EncryptedColumns } from '../../platform/secrets/rekey.js';

export { needRoutes } from './needs.routes.js';
/**
 * A need's photos: the kind of file, who may see one and which are no longer wanted (registered
 * with the platform's files at start-up), and those a closing account takes with it.
 */
export { NEED_PHOTO, needPhotoOwner, needPhotoSweeper, photosOfClosingAccount } from './needs.photos.js';

/** What this module keeps encrypted, for a secret rotation: the resident's address, position and phone. */
export const NEED_ENCRYPTED_COLUMNS: EncryptedColumns[] = [
  { table: 'needs', key: 'id', encrypted: ['address_enc', 'position_enc', 'contact_enc'] },
];
/** The steps of a need, for the demo to walk a few needs through them as the people involved. */
export { completeNeed, dispatchNeed, postNeed, rateNeed, reviewNeed, takeNeed } from './needs.service.js';

export { needsToDo } from './needs.view.js';
