// Raw limits of this machine: a bare Fastify route, and one INSERT per request with the
// durability Shanmei uses — SQLite (WAL, synchronous=FULL) and, when RAW_PG_URL names a
// database, PostgreSQL (a pool of 16 connections, as many as the benchmarks' in-process
// raw transactions use). Run as a child process.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

const app = Fastify();
const sqlite = new SQLite(join(mkdtempSync(join(tmpdir(), 'shanmei-raw-')), 'raw.db'));
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
const insert = sqlite.prepare('INSERT INTO t (v) VALUES (?)');

const pgUrl = process.env.RAW_PG_URL;
const pool = pgUrl ? new pg.Pool({ connectionString: pgUrl, max: 16 }) : null;
if (pool) await pool.query('CREATE TABLE IF NOT EXISTS t (id bigserial PRIMARY KEY, v text NOT NULL)');

app.get('/health', () => ({ ok: true }));
app.get('/constant', () => ({ hello: 'world' }));
app.post('/insert', () => {
  insert.run('x'.repeat(100));
  return { ok: true };
});
app.post('/insert-pg', async () => {
  if (!pool) throw new Error('RAW_PG_URL is not set');
  await pool.query({ name: 'ins', text: 'INSERT INTO t (v) VALUES ($1)', values: ['x'.repeat(100)] });
  return { ok: true };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
