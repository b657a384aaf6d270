// The public face of the auth module: what other modules may use. Nothing else of it is theirs.
export {
  countUsers,
  insertUser,
  insertUsers,
  passwordHashOf,
  replacePassword,
  userByUsername,
  userIdByPhoneHash,
} from './auth.repository.js';
export { findSession } from './auth.repository.js';
export { callerOfToken } from './tokens.service.js';
export { confirmPassword } from './confirm-password.js';
export { endAllSessions, forgetDeadSessions, keepAlive, unlessIdle } from './sessions.js';
export { requireGoodPasswordFor } from './password-owner.js';
export { lastUseOf, type LastUse } from './last-use.js';
