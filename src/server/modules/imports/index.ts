// The public face of the imports module: what other modules may use. Nothing else of it is theirs.
export { importsRoutes } from './imports.routes.js';
export { createImport, importView, refusals } from './imports.service.js';
export { runImport, type RunProgress } from './imports.run.js';
export { runImportInThread } from './imports.thread-runner.js';
export { pollImports, settleImports, stopImports } from './imports.worker.js';
export { REPORT_LABELS } from './imports.words.js';
export { writeReportCsv } from './read/report.js';
