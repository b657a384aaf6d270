// The public face of the honours module: what other modules may use. Nothing else of it is theirs.
export { addProjectHonours, projectHonours, type ProjectHonour } from './project-honours.js';
export { honourRoutes } from './honours.routes.js';
export { insertHonour } from './honours.repository.js';
/** A volunteer's own honours, for their data export (GET /me/export). */
export { honoursForExport } from './honours.service.js';
/** Honours' certificate images: who sees one, and which the hourly sweep may delete (registered in app.ts). */
export { HONOUR_IMAGE, honourImageOwner, honourImageSweeper } from './honours.image.js';
