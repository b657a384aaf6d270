import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PIN_LOCK_MINUTES } from '../../../common/contract/counter-pin.js';
import { closeAfterMany } from '../../../../test/activity-factories.js';
import { freezeClock } from '../../../../test/clock.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { makeMember, makeSupermarketScene, setPin, type Member } from '../../../../test/supermarket-fixtures.js';
import { openCounterPin } from './pin.service.js';

const MINUTE = 60_000;

describe.each(DIALECTS)('the counter PIN on %s', (dialect) => {
  let t: TestApp;
  let clock: ReturnType<typeof freezeClock> | undefined;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeSupermarketScene(t);
  });
  afterEach(() => clock?.restore());
  afterAll(() => closeAfterMany(t));

  /** Opens the PIN by volunteer code; answers the volunteer id or the refusal's code. */
  const open = (m: Member, pin: string) =>
    openCounterPin(t.app.ctx, { volunteerCode: m.volunteerCode }, pin).catch((e: { code: string }) => e.code);

  it('is set by the volunteer alone, as a hash, audited without the PIN; trivial PINs are refused', async () => {
    const m = await makeMember(t, 0, '王阿姨');
    const put = (pin: unknown) => m.client.request('PUT', '/api/v1/me/pin', { pin });
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/me/pin', payload: { pin: '2580' } })).statusCode).toBe(
      401,
    );
    const { clerk } = await makeSupermarketScene(t);
    expect((await clerk.client.request('PUT', '/api/v1/me/pin', { pin: '2580' })).statusCode).toBe(403);
    for (const bad of ['123', '1234567', '12a4', '', 2580]) expect((await put(bad)).statusCode).toBe(400);
    for (const trivial of ['0000', '888888', '1234', '123456', '987654', '3456']) {
      const res = await put(trivial);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'RULE_VIOLATION', details: { field: 'body.pin' } });
      expect(res.body).not.toContain(trivial);
    }
    expect(
      await t.tdb.db.selectFrom('counter_pins').selectAll().where('volunteer_id', '=', m.volunteerId).execute(),
    ).toEqual([]);

    expect((await put('2580')).statusCode).toBe(204);
    expect((await put('739146')).statusCode).toBe(204);
    const row = await t.tdb.db
      .selectFrom('counter_pins')
      .selectAll()
      .where('volunteer_id', '=', m.volunteerId)
      .executeTakeFirstOrThrow();
    expect(row.pin_hash).toMatch(/^\$argon2id\$/);
    expect(row.pin_hash).not.toContain('739146');
    const audit = await t.tdb.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'actor_user_id'])
      .where('entity_id', '=', m.volunteerId)
      .where('action', '=', 'volunteer.counter_pin_set')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ replaced: false }, { replaced: true }]);
    expect(audit.every((a) => a.actor_user_id === m.userId)).toBe(true);
    expect(t.logs.text()).not.toContain('739146');
    expect(await open(m, '739146')).toBe(m.volunteerId);
    expect(await open(m, '2580')).toBe('PIN_REFUSED');
  });

  it('locks after 5 wrong PINs in a row, for 30 minutes by the clock, or until a new PIN is set', async () => {
    clock = freezeClock();
    const m = await makeMember(t, 0, '李大爷');
    await setPin(m, '4826');
    // A right PIN ends a run of wrong ones.
    for (let i = 0; i < 4; i++) expect(await open(m, '0482')).toBe('PIN_REFUSED');
    expect(await open(m, '4826')).toBe(m.volunteerId);
    for (let i = 0; i < 4; i++) expect(await open(m, '0482')).toBe('PIN_REFUSED');
    expect(await open(m, '4826')).toBe(m.volunteerId);

    for (let i = 0; i < 5; i++) expect(await open(m, '0482')).toBe('PIN_REFUSED');
    expect(await open(m, '4826')).toBe('PIN_REFUSED');
    clock.advance(PIN_LOCK_MINUTES * MINUTE - 1000);
    expect(await open(m, '4826')).toBe('PIN_REFUSED');
    clock.advance(2000);
    expect(await open(m, '4826')).toBe(m.volunteerId);

    // Locked again; the volunteer sets a new PIN, which opens at once.
    for (let i = 0; i < 5; i++) expect(await open(m, '0482')).toBe('PIN_REFUSED');
    expect(await open(m, '4826')).toBe('PIN_REFUSED');
    await setPin(m, '5927');
    expect(await open(m, '4826')).toBe('PIN_REFUSED');
    expect(await open(m, '5927')).toBe(m.volunteerId);
    // After a lock ran out, the count starts afresh: 4 wrong ones do not lock again.
    for (let i = 0; i < 5; i++) expect(await open(m, '0000')).toBe('PIN_REFUSED');
    clock.advance(PIN_LOCK_MINUTES * MINUTE + 1000);
    for (let i = 0; i < 4; i++) expect(await open(m, '0000')).toBe('PIN_REFUSED');
    expect(await open(m, '5927')).toBe(m.volunteerId);
  });

  it('opens by phone too, and refuses alike a wrong PIN, an unknown phone or code and one without a PIN', async () => {
    const m = await makeMember(t, 0, '赵奶奶');
    const without = await makeMember(t, 0, '钱爷爷');
    await setPin(m, '3071');
    expect(await openCounterPin(t.app.ctx, { phone: m.phone }, '3071')).toBe(m.volunteerId);
    expect(await openCounterPin(t.app.ctx, { volunteerCode: m.volunteerCode.toLowerCase() }, '3071')).toBe(
      m.volunteerId,
    );
    const refusals = await Promise.all(
      [
        { phone: m.phone, pin: '3072' },
        { phone: '13900000000', pin: '3071' },
        { volunteerCode: 'ZZ99999999', pin: '3071' },
        { volunteerCode: without.volunteerCode, pin: '3071' },
      ].map(({ pin, ...who }) => openCounterPin(t.app.ctx, who, pin).catch((e: Error) => e)),
    );
    const shapes = refusals.map((e) => (e instanceof Error ? { name: e.name, message: e.message } : e));
    expect(new Set(shapes.map((s) => JSON.stringify(s))).size).toBe(1);
    expect(JSON.stringify(shapes[0])).not.toContain(m.phone);
  });
});
