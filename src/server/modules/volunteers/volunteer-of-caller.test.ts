import { afterEach, describe, expect, it } from 'vitest';
import { makeRegions, makeUser, makeVolunteer } from '../../../../test/factories.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../../test/test-db.js';
import { PersonalDataCipher } from '../../crypto.js';
import { volunteerIdOf } from './index.js';

describe.each(DIALECTS)("the caller's volunteer id (%s)", (dialect) => {
  let d: TestDatabase;
  afterEach(() => d.drop());

  it('takes the id read with the session, and looks it up for an actor made without one', async () => {
    d = await createTestDatabase(dialect);
    await makeRegions(d.db);
    const app = { ctx: { cipher: new PersonalDataCipher('volunteer-of-caller-test-secret-0123456789'), database: d } };
    const v = await makeVolunteer(app);
    const staff = await makeUser(d.db);
    expect(await volunteerIdOf(d.db, { userId: v.userId, volunteerId: v.id })).toBe(v.id);
    expect(await volunteerIdOf(d.db, { userId: v.userId })).toBe(v.id);
    expect(await volunteerIdOf(d.db, { userId: staff.id, volunteerId: null })).toBeUndefined();
    expect(await volunteerIdOf(d.db, { userId: staff.id })).toBeUndefined();
  });
});
