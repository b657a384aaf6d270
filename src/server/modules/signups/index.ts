// The public face of the signups module: what other modules may use. Nothing else of it is theirs.
export { countAwaitingApproval } from './counts.repository.js';
export { signupsOnActivities } from './signups.listener.js';
export { listMySignups } from './signups.queries.js';
export { insertSignup, markSignupAttended, nextSeq } from './signups.repository.js';
export { cancelSignup } from './signups.service.js';
