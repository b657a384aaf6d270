import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { App } from '../../context.js';
import { PHONE_NAMESPACE, PersonalDataCipher } from '../../crypto.js';
import { newId, nowIso } from '../../ids.js';
import { makeRegions, makeVolunteer, type MadeVolunteer } from '../../../../test/factories.js';
import { TEST_SECRET } from '../../../../test/test-app.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../../test/test-db.js';
import { isoIn } from '../../../../test/clock.js';
import { rekeyPersonalData, staleByTable } from './index.js';

const NEW_SECRET = 'the-next-secret-the-next-secret-0123456789';
const EMAIL = 'volunteer@example.org';
const GUARDIAN = { name: '张监护', phone: '13900001111' };
const FEED_TOKEN = 'calendar-feed-token-calendar-feed-token';

describe.each(DIALECTS)('rotating SHANMEI_SECRET on %s', (dialect) => {
  let tdb: TestDatabase;
  const apps: App[] = [];
  const appWith = async (secret: string, previousSecrets: string[] = []) => {
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { databaseUrl: tdb.url, secret, previousSecrets });
    const app = await buildApp(config, tdb);
    apps.push(app);
    return app;
  };
  let before: App;
  let a: MadeVolunteer;
  let b: MadeVolunteer;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    before = await appWith(TEST_SECRET);
    const db = tdb.db;
    await makeRegions(db);
    a = await makeVolunteer(before);
    b = await makeVolunteer(before);
    const old = before.ctx.cipher;
    await db
      .updateTable('users')
      .set({ email_enc: old.encrypt(EMAIL) })
      .where('id', '=', a.userId)
      .execute();
    // b's ID number as a release before key ids wrote it: `v1.` and the same body.
    const vb = await db
      .selectFrom('volunteers')
      .select('id_number_enc')
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    const legacy = `v1.${vb.id_number_enc.split('.').slice(2).join('.')}`;
    await db.updateTable('volunteers').set({ id_number_enc: legacy }).where('id', '=', b.id).execute();
    expect(old.decrypt(legacy)).toBe(b.idNumber);
    const codeId = newId();
    for (const [id, consumed] of [
      [codeId, nowIso()],
      [newId(), null],
    ] as const) {
      await db
        .insertInto('verification_codes')
        .values({
          id,
          phone_hash: old.lookupHash(PHONE_NAMESPACE, GUARDIAN.phone),
          purpose: 'guardian_consent',
          code_hash: old.lookupHash('verification-code', '123456'),
          created_at: nowIso(),
          expires_at: isoIn(10 * 60_000),
          consumed_at: consumed,
        })
        .execute();
    }
    await db
      .insertInto('guardians')
      .values({
        volunteer_id: a.id,
        name_enc: old.encrypt(GUARDIAN.name),
        name_masked: '张*',
        relation: 'mother',
        phone_enc: old.encrypt(GUARDIAN.phone),
        phone_hash: old.lookupHash(PHONE_NAMESPACE, GUARDIAN.phone),
        phone_masked: '139****1111',
        verification_code_id: codeId,
        consented_at: nowIso(),
      })
      .execute();
    await db
      .insertInto('needs')
      .values({
        id: newId(),
        resident_user_id: a.userId,
        type: 'other',
        text: '需要帮忙',
        region_code: '500103003',
        address_enc: old.encrypt('民族路 1 号'),
        position_enc: old.encrypt('29.55,106.57'),
        contact_enc: null,
        contact_masked: null,
        wanted_at: null,
        risk_accepted: 0,
        status: 'posted',
        organisation_id: null,
        activity_id: null,
        taker_volunteer_id: null,
        reason: null,
        report: null,
        score: null,
        comment: null,
        created_at: nowIso(),
        updated_at: nowIso(),
        photo_ids: '[]',
      })
      .execute();
    await db
      .insertInto('calendar_feeds')
      .values({ volunteer_id: a.id, token_hash: 'h', token_enc: old.encrypt(FEED_TOKEN), created_at: nowIso() })
      .execute();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await tdb.drop();
  });

  it('re-encrypts and rehashes everything under the new key; the old secret can then be dropped', async () => {
    const rotating = new PersonalDataCipher(NEW_SECRET, [TEST_SECRET]);
    expect(Object.values(await staleByTable(tdb.db, rotating)).every((n) => n > 0)).toBe(true);
    const report = await rekeyPersonalData(tdb.db, rotating);
    expect(report.rekeyed).toEqual({
      'users.phone_enc': 2,
      'volunteers.id_number_enc': 2,
      'guardians.name_enc+phone_enc': 1,
      'users.email_enc': 1,
      'calendar_feeds.token_enc': 1,
      'needs.address_enc+position_enc+contact_enc': 1,
    });
    expect(report).toMatchObject({ keyId: rotating.currentKeyId, codesDropped: 1, codesCleared: 1 });
    expect(Object.values(await staleByTable(tdb.db, rotating))).toEqual([0, 0, 0, 0, 0, 0]);

    // A server on the new secret alone: logins by phone, duplicate ID numbers and decryption all work.
    const after = await appWith(NEW_SECRET);
    const login = await after.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: a.phone, password: a.password },
    });
    expect(login.statusCode).toBe(200);
    await expect(makeVolunteer(after, { idNumber: b.idNumber })).rejects.toMatchObject({ code: 'DUPLICATE' });
    const cipher = after.ctx.cipher;
    const va = await tdb.db
      .selectFrom('volunteers')
      .select('id_number_enc')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    const vb = await tdb.db
      .selectFrom('volunteers')
      .select('id_number_enc')
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect([cipher.decrypt(va.id_number_enc), cipher.decrypt(vb.id_number_enc)]).toEqual([a.idNumber, b.idNumber]);
    const user = await tdb.db
      .selectFrom('users')
      .select('email_enc')
      .where('id', '=', a.userId)
      .executeTakeFirstOrThrow();
    expect(cipher.decrypt(user.email_enc ?? '')).toBe(EMAIL);
    const g = await tdb.db
      .selectFrom('guardians')
      .selectAll()
      .where('volunteer_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect([cipher.decrypt(g.name_enc), cipher.decrypt(g.phone_enc)]).toEqual([GUARDIAN.name, GUARDIAN.phone]);
    expect(g.phone_hash).toBe(cipher.lookupHash(PHONE_NAMESPACE, GUARDIAN.phone));
    const need = await tdb.db.selectFrom('needs').select('position_enc').executeTakeFirstOrThrow();
    expect(cipher.decrypt(need.position_enc ?? '')).toBe('29.55,106.57');
    const feed = await tdb.db.selectFrom('calendar_feeds').select('token_enc').executeTakeFirstOrThrow();
    expect(cipher.decrypt(feed.token_enc)).toBe(FEED_TOKEN);

    // The old key reads nothing now, and says which key it lacks rather than failing blindly.
    expect(() => before.ctx.cipher.decrypt(va.id_number_enc)).toThrow(
      new RegExp(`under key ${cipher.currentKeyId}, which is not configured`),
    );
    const codes = await tdb.db.selectFrom('verification_codes').select(['phone_hash', 'code_hash']).execute();
    expect(codes).toEqual([{ phone_hash: '', code_hash: '' }]);
    const audit = await tdb.db.selectFrom('audit_log').selectAll().where('action', '=', 'secret.rotate').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).not.toMatch(/1\d{10}|@/);
  });

  it('does nothing more when run again, as after an interruption', async () => {
    const report = await rekeyPersonalData(tdb.db, new PersonalDataCipher(NEW_SECRET, [TEST_SECRET]));
    expect(Object.values(report.rekeyed)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
