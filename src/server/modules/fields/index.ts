// The public face of the fields module: what other modules may use. Nothing else of it is theirs.
export { anyServiceField, insertServiceFields } from './fields.repository.js';
