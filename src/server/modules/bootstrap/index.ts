// The public face of the bootstrap module: what other modules may use. Nothing else of it is theirs.
export { bootstrapAdmin, initialAdminPassword, seedRegionsIfNone, seedServiceFields } from './bootstrap.service.js';
