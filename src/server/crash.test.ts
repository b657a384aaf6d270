import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { JIEFANGBEI } from '../../test/activity-factories.js';
import { checkinScene, storeConsistency, supermarketScene } from '../../test/load-scenes.js';
import { PROCESS_SECRET, startServe, type ServerProcess } from '../../test/server-process.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/test-db.js';
import { PersonalDataCipher } from './crypto.js';
import { issueMemberCode } from './platform/codes.js';
import { verifyLedger } from './modules/points/verify.js';

const VOLUNTEERS = 300;

async function post(url: string, token: string, body: unknown) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * A server killed with SIGKILL in the middle of check-ins and redemptions, then started again:
 * everything it acknowledged is there, nothing is half-written, and the ledger reconciles.
 */
describe.each(DIALECTS)('crash safety (%s)', (dialect) => {
  const servers: ServerProcess[] = [];
  let d: TestDatabase | undefined;
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await d?.drop();
  });

  it('keeps every acknowledged check-in and redemption whole across a SIGKILL', async () => {
    d = await createTestDatabase(dialect);
    const cipher = new PersonalDataCipher(PROCESS_SECRET);
    const app = { ctx: { cipher, database: d }, inject: () => Promise.reject(new Error('not over HTTP')) };
    const shift = await checkinScene(app, VOLUNTEERS);
    const store = await supermarketScene(app, { name: '积分超市', clerks: 2, wallets: 4, goods: 2 });

    const first = await startServe(d.url);
    servers.push(first);
    const codeAt = (base: string) =>
      fetch(`${base}/api/v1/shifts/${shift.shiftId}/checkin-code`, {
        headers: { authorization: `Bearer ${shift.organiserToken}` },
      }).then((r) => r.json() as Promise<{ token: string }>);
    const code = await codeAt(first.url);

    const checkedIn = new Set<string>();
    const redeemed = new Set<string>();
    let killed = false;
    let next = 0;
    const checkins = async () => {
      // The last volunteer is kept out of the load: they check in after the restart.
      while (!killed && next < VOLUNTEERS - 1) {
        const i = next++;
        const r = await post(`${first.url}/api/v1/checkins`, shift.volunteerTokens[i] as string, {
          token: code.token,
          lat: JIEFANGBEI.lat,
          lng: JIEFANGBEI.lng,
          accuracyM: 20,
        }).catch(() => null);
        if (r && r.status < 300) checkedIn.add(shift.volunteerIds[i] as string);
      }
    };
    const redemptions = async (k: number) => {
      while (!killed) {
        const wallet = store.wallets[k % store.wallets.length] as string;
        const r = await post(
          `${first.url}/api/v1/supermarkets/${store.siteId}/redemptions`,
          store.clerkTokens[k % 2] as string,
          {
            memberCode: issueMemberCode(cipher, wallet, 30).token,
            items: store.goods.map((goodsId) => ({ goodsId, qty: 1 })),
            idempotencyKey: `crash-${randomBytes(9).toString('base64url')}`,
          },
        ).catch(() => null);
        if (r && r.status < 300) redeemed.add(r.body.id as string);
      }
    };
    const load = Promise.all([checkins(), checkins(), checkins(), ...[0, 1, 2, 3].map(redemptions)]);
    while (checkedIn.size < 20 || redeemed.size < 20) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    killed = true;
    await load;

    const second = await startServe(d.url);
    servers.push(second);
    const db = d.db;
    const attendance = await db
      .selectFrom('attendance')
      .select('volunteer_id')
      .where('shift_id', '=', shift.shiftId)
      .execute();
    const present = new Set(attendance.map((a) => a.volunteer_id));
    expect([...checkedIn].filter((v) => !present.has(v))).toEqual([]);
    // A check-in and its sign-up's "attended" were written together or not at all.
    const attended = await db
      .selectFrom('signups')
      .select('volunteer_id')
      .where('shift_id', '=', shift.shiftId)
      .where('status', '=', 'attended')
      .execute();
    expect(attended.map((s) => s.volunteer_id).sort()).toEqual([...present].sort());

    const orders = await db.selectFrom('redemptions').select('id').where('site_id', '=', store.siteId).execute();
    const kept = new Set(orders.map((o) => o.id));
    expect([...redeemed].filter((id) => !kept.has(id))).toEqual([]);
    expect(await storeConsistency(db, store.siteId)).toMatchObject({ ok: true });
    const ledger = await verifyLedger(db);
    expect(ledger.problems).toEqual([]);

    // The restarted server takes the next in the queue.
    const again = await post(`${second.url}/api/v1/checkins`, shift.volunteerTokens[VOLUNTEERS - 1] as string, {
      token: (await codeAt(second.url)).token,
      lat: JIEFANGBEI.lat,
      lng: JIEFANGBEI.lng,
      accuracyM: 20,
    });
    expect(again.status).toBe(201);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
