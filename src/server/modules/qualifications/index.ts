// The public face of the qualifications module: what other modules may use. Nothing else of it is theirs.
export { knownKinds } from './qualifications.repository.js';
export { listQualifications } from './qualifications.service.js';
