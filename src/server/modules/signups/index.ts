// The public face of the signups module: what other modules may use. Nothing else of it is theirs.
export { fillPlaces } from './signups.promotion.js';
export { listMySignups } from './signups.queries.js';
export {
  cancelLiveOfActivity,
  insertSignup,
  liveSignupsOfActivity,
  liveSignupsOfShift,
  nextSeq,
  retimeSignups,
} from './signups.repository.js';
export { cancelSignup } from './signups.service.js';
