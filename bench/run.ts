// `npm run bench`: Shanmei's figures, each next to the raw limit of this machine measured
// in the same run. Needs `npm run build` first (the script runs it). With DATABASE_URL
// naming PostgreSQL, the Shanmei figures are measured on both dialects.
import { foundationBench, type Row } from './foundation.js';
import { scopeBench } from './scope.js';
import { fmt, load } from './lib/load.js';
import { benchDialects, dropCreatedDatabases, freePort, startProcess } from './lib/server.js';

const rows: Row[] = [];

const rawPort = await freePort();
const raw = await startProcess(['--import', 'tsx', 'bench/raw/bare-server.ts'], {}, rawPort, '/health');
let bareRps: number;
try {
  const bare = await load(`${raw.url}/constant`, { connections: 50, seconds: 5 });
  bareRps = bare.rps;
  rows.push({
    what: 'raw: bare Fastify route, 50 connections',
    figure: `${fmt(bare.rps)} req/s, p99 ${fmt(bare.p99)} ms`,
    limit: '(the limit itself)',
  });
  const ins = await load(`${raw.url}/insert`, { connections: 50, seconds: 5, method: 'POST' });
  rows.push({
    what: 'raw: one SQLite INSERT per request (WAL, synchronous=FULL)',
    figure: `${fmt(ins.rps)} req/s, p99 ${fmt(ins.p99)} ms`,
    limit: '(the limit itself)',
  });
} finally {
  await raw.stop();
}

try {
  for (const d of benchDialects()) {
    rows.push(...(await foundationBench(d, bareRps)));
    rows.push(...(await scopeBench(d)));
  }
} finally {
  await dropCreatedDatabases();
}

const w0 = Math.max(...rows.map((r) => r.what.length));
const w1 = Math.max(...rows.map((r) => r.figure.length));
console.log(`\nShanmei benchmark — ${new Date().toISOString()} — ${process.platform}, Node ${process.version}\n`);
for (const r of rows) console.log(`${r.what.padEnd(w0)}  ${r.figure.padEnd(w1)}  ${r.limit}`);
