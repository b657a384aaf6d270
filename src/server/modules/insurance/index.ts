// The public face of the insurance module: what other modules may use. Nothing else of it is theirs.
export { policiesFor } from './insurance.repository.js';
