import type { Db } from '../../db/database.js';
import { channelsOf, insertNotification, type NotificationInput } from './notifications.repository.js';

/**
 * Records a notification for a user: in the inbox at once, and in the outbox for each
 * channel they chose. Call it inside the transaction that makes the event happen, so the
 * notice exists exactly when the event does; the outbox dispatcher sends it later.
 */
export async function notify(db: Db, n: NotificationInput): Promise<string | null> {
  return insertNotification(db, n, await channelsOf(db, n.userId));
}
