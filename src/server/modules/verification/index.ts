// The public face of the verification module: what other modules may use. Nothing else of it is theirs.
export { checkCode, useCode } from './verification.service.js';
export { forgetCodeHashes } from './verification.repository.js';
