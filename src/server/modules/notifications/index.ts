// The public face of the notifications module: what other modules may use. Nothing else of it is theirs.
export { getPrefs, listInbox } from './notifications.service.js';
export { queueShiftReminders } from './reminders.js';
