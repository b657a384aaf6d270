// The public face of the bootstrap module: what other modules may use. Nothing else of it is theirs.
export { bootstrapAdmin, seedRegionsIfNone, seedServiceFields } from './bootstrap.service.js';
