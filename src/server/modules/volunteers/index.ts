// The public face of the volunteers module: what other modules may use. Nothing else of it is theirs.
export { countVolunteers } from './counts.repository.js';
export { registerVolunteer } from './registration.service.js';
export { registerVolunteersInBulk, type BulkOutcome, type BulkRegistration } from './registration.bulk.js';
export {
  addConfirmedMinutes,
  setStarLevel,
  setSuspendedUntil,
  volunteerIdOf,
  volunteerIdOfUser,
} from './volunteers.repository.js';
export { loadVolunteer, showVolunteer, volunteerIdByIdNumber } from './volunteers.service.js';
export { isVolunteerCode, luhnCheckDigit } from './volunteer-code.js';
export { idNamespace } from './volunteers.rules.js';
export { openCounterPin, volunteerOfCounterLogin, type CounterLogin } from './pin.service.js';
export { VOLUNTEER_ENCRYPTED_COLUMNS } from './volunteers.personal-data.js';
