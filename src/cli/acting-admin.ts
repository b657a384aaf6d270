import type { Db } from '../server/db/database.js';
import { grantsOfUser } from '../server/platform/access/access.repository.js';
import type { Actor } from '../server/platform/access/policy.js';
import { userByUsername } from '../server/modules/auth/index.js';

/**
 * The admin a command acts for (`--as <username>`), with their grants, as a request of theirs
 * would carry them: the command is bound by their scope exactly as the API would bind them.
 */
export async function actingAdmin(db: Db, username: string): Promise<Actor | undefined> {
  const user = await userByUsername(db, username);
  if (!user) return undefined;
  return { userId: user.id, via: 'session', sessionId: null, csrfToken: null, grants: await grantsOfUser(db, user.id) };
}
