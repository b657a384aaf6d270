// Raw limits of this machine: a bare Fastify route, and one SQLite INSERT per request with
// the same durability Shanmei uses (WAL, synchronous=FULL). Run as a child process.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const app = Fastify();
const sqlite = new SQLite(join(mkdtempSync(join(tmpdir(), 'shanmei-raw-')), 'raw.db'));
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
const insert = sqlite.prepare('INSERT INTO t (v) VALUES (?)');

app.get('/health', () => ({ ok: true }));
app.get('/constant', () => ({ hello: 'world' }));
app.post('/insert', () => {
  insert.run('x'.repeat(100));
  return { ok: true };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
