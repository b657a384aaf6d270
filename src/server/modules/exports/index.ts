// The public face of the exports module: what other modules, the app and the CLI may use.
export { exportsRoutes } from './exports.routes.js';
export { exportTable, EXPORT_BATCH, type ExportOptions } from './exports.service.js';
