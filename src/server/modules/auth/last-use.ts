import type { Database, Db } from '../../db/database.js';
import { writeLatestTimes } from '../../platform/db.js';

/** How long a noted use may wait before it is written. */
const FLUSH_AFTER_MS = 1000;

type Times = Map<string, string>;

/**
 * When sessions and tokens were last used, noted by requests and written a second later in
 * one transaction for all of them, not a write of their own per request: at a big event's
 * check-in, thousands of volunteers each make their first request of the minute, and a
 * write of its own per request would cost each one a COMMIT (on SQLite a flush to disk,
 * outside the group commit of the check-ins). A time still waiting is answered from here,
 * so the idle timeout never reads a stale one; a crash loses at most a second of them.
 */
export class LastUse {
  readonly #sessions: Times = new Map();
  readonly #tokens: Times = new Map();
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
  ) {}

  session(id: string, at: string): void {
    this.#note(this.#sessions, id, at);
  }

  /** The session's last use noted but not yet written, if any. */
  sessionAt(id: string): string | undefined {
    return this.#sessions.get(id);
  }

  token(id: string, at: string): void {
    this.#note(this.#tokens, id, at);
  }

  tokenAt(id: string): string | undefined {
    return this.#tokens.get(id);
  }

  /** Writes every use noted so far; resolves once they are (after any write under way). */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const write = () => this.#write();
    this.#writing = this.#writing.then(write, write);
    return this.#writing;
  }

  #note(times: Times, id: string, at: string): void {
    const was = times.get(id);
    if (was === undefined || was < at) times.set(id, at);
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.flush().catch(this.onError);
    }, FLUSH_AFTER_MS);
    this.#timer.unref();
  }

  async #write(): Promise<void> {
    const sessions = [...this.#sessions];
    const tokens = [...this.#tokens];
    if (!sessions.length && !tokens.length) return;
    await this.db.transaction().execute(async (trx) => {
      await writeLatestTimes(trx, 'sessions', 'last_seen_at', sessions);
      await writeLatestTimes(trx, 'api_tokens', 'last_used_at', tokens);
    });
    // What was noted again meanwhile stays for the next write.
    for (const [id, at] of sessions) if (this.#sessions.get(id) === at) this.#sessions.delete(id);
    for (const [id, at] of tokens) if (this.#tokens.get(id) === at) this.#tokens.delete(id);
  }
}

const byDatabase = new WeakMap<Database, LastUse>();

/** The database's writer of last uses (one per open database in the process). */
export function lastUseOf(database: Database, onError: (err: unknown) => void = () => undefined): LastUse {
  let w = byDatabase.get(database);
  if (!w) {
    w = new LastUse(database.db, onError);
    byDatabase.set(database, w);
  }
  return w;
}
