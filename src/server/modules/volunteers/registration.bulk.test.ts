import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  birthDateAged,
  makePhone,
  makeRegions,
  makeResidentId,
  makeVolunteer,
  REGIONS,
} from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { newId, nowIso } from '../../ids.js';
import { verifyStats } from '../stats/index.js';
import { registerVolunteersInBulk, type BulkRegistration } from './registration.bulk.js';
import { registerVolunteer } from './registration.service.js';
import { isVolunteerCode } from './volunteer-code.js';

const OPTS = { passwordHash: 'not-a-usable-hash', importedBy: '', now: '' };

/** An adult (or someone born on `birthDate`) in 解放碑街道. */
const person = (name: string, over: Partial<BulkRegistration['input']> = {}, birthDate?: string): BulkRegistration => ({
  input: {
    name,
    idType: 'resident_id',
    idNumber: makeResidentId(birthDate ?? '1988-04-05'),
    phone: makePhone(),
    password: '',
    regionCode: REGIONS.jiefangbei,
    skills: [],
    fields: [],
    ...over,
  },
});

describe.each(DIALECTS)('registering a batch of people at once on %s', (dialect) => {
  let t: TestApp;
  const opts = () => ({ ...OPTS, now: nowIso() });
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
    OPTS.importedBy = (await t.tdb.db.selectFrom('users').select('id').executeTakeFirst())?.id ?? newId();
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores each person exactly as registering them one by one does', async () => {
    const a = person('批量甲', { fields: ['elderly'], skills: ['急救'] });
    const b = person('逐个乙', { fields: ['elderly'], skills: ['急救'] });
    const [bulk] = await t.tdb.db.transaction().execute((trx) => registerVolunteersInBulk(t.app.ctx, trx, [a], opts()));
    const single = await t.tdb.db
      .transaction()
      .execute((trx) => registerVolunteer(t.app.ctx, trx, b.input, { ...opts(), passwordHash: OPTS.passwordHash }));
    expect(bulk).toMatchObject({ ok: true, status: 'active' });
    const stored = async (id: string) => {
      const v = await t.tdb.db
        .selectFrom('volunteers')
        .innerJoin('users', 'users.id', 'volunteers.user_id')
        .selectAll('volunteers')
        .select([
          'users.phone_enc',
          'users.phone_hash',
          'users.phone_masked',
          'users.password_hash',
          'users.region_code as user_region',
        ])
        .where('volunteers.id', '=', id)
        .executeTakeFirstOrThrow();
      const grants = await t.tdb.db
        .selectFrom('role_grants')
        .select(['role', 'scope_type'])
        .where('user_id', '=', v.user_id)
        .execute();
      const audit = await t.tdb.db
        .selectFrom('audit_log')
        .select(['action', 'region_code'])
        .where('entity_id', '=', id)
        .execute();
      return { v, grants, audit };
    };
    const x = await stored(bulk?.ok ? bulk.id : '');
    const y = await stored(single.id);
    const same = (r: typeof x) => ({
      region: r.v.region_code,
      userRegion: r.v.user_region,
      fields: r.v.fields,
      skills: r.v.skills,
      status: r.v.status,
      idType: r.v.id_type,
      birthYear: r.v.birth_year,
      passwordHash: r.v.password_hash,
      grants: r.grants,
      auditRegion: r.audit.map((e) => e.region_code),
    });
    expect(same(x)).toEqual(same(y));
    expect(t.app.ctx.cipher.decrypt(x.v.id_number_enc)).toBe(a.input.idNumber);
    expect(t.app.ctx.cipher.decrypt(x.v.phone_enc ?? '')).toBe(a.input.phone);
    expect(x.v.id_number_masked).toBe(`${a.input.idNumber[0]}****************${a.input.idNumber[17]}`);
    expect(x.audit.map((e) => e.action)).toEqual(['volunteer.import']);
    expect(isVolunteerCode(x.v.volunteer_code)).toBe(true);
    expect(x.v.gender).toBe(Number(a.input.idNumber[16]) % 2 === 1 ? 'male' : 'female');
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });
  });

  it('refuses who is registered already, or earlier in the batch, and a child, and writes the rest', async () => {
    const existing = await makeVolunteer(t.app);
    const twin = person('重复甲');
    const batch = [
      person('已注册', { idNumber: existing.idNumber }),
      person('占号码', { phone: existing.phone }),
      twin,
      { input: { ...twin.input, name: '重复乙', phone: makePhone() } },
      person('同号码', { phone: twin.input.phone }),
      person('孩子', {}, birthDateAged(10)),
      person('少年', {}, birthDateAged(16)),
      person('正常'),
    ];
    const outcomes = await t.tdb.db
      .transaction()
      .execute((trx) => registerVolunteersInBulk(t.app.ctx, trx, batch, opts()));
    expect(outcomes.map((o) => (o.ok ? o.status : o.reason))).toEqual([
      'id_registered',
      'phone_registered',
      'active',
      'id_registered',
      'phone_registered',
      'guardian_required',
      'pending_guardian',
      'active',
    ]);
    expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });
  });

  it.skipIf(dialect === 'sqlite')(
    'falls back to one by one when a registration races the batch past its look-ups',
    async () => {
      const shared = person('竞争者');
      const first = [person('先到一'), shared];
      const second = [{ input: { ...shared.input, name: '后到' } }, person('后到二')];
      // The first batch has written (not committed) when the second looks up: the second finds
      // nothing, inserts, and waits at the unique index until the first commits.
      let release!: () => void;
      const hold = new Promise<void>((r) => (release = r));
      let written!: () => void;
      const wrote = new Promise<void>((r) => (written = r));
      const one = t.tdb.db.transaction().execute(async (trx) => {
        const r = await registerVolunteersInBulk(t.app.ctx, trx, first, opts());
        written();
        await hold;
        return r;
      });
      await wrote;
      const two = t.tdb.db.transaction().execute((trx) => registerVolunteersInBulk(t.app.ctx, trx, second, opts()));
      let waiting = 0;
      for (let i = 0; i < 1000 && waiting === 0; i++) {
        const r = await sql<{ n: number }>`select count(*)::int as n from pg_locks where not granted`.execute(t.tdb.db);
        waiting = r.rows[0]?.n ?? 0;
      }
      expect(waiting).toBeGreaterThan(0);
      release();
      const [a, b] = await Promise.all([one, two]);
      expect(a.map((o) => o.ok)).toEqual([true, true]);
      expect(b.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['id_registered', 'ok']);
      expect(await verifyStats(t.tdb.db)).toEqual({ ok: true, differences: [] });
    },
  );
});
