// The public face of the access module: what other modules may use. Nothing else of it is theirs.
export { insertGrant, insertGrants } from './roles.repository.js';
