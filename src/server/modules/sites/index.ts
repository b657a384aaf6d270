// The public face of the sites module: what other modules may use. Nothing else of it is theirs.
export { insertSite, siteById, siteNamedInRegion } from './sites.repository.js';
export { addSite } from './sites.service.js';
