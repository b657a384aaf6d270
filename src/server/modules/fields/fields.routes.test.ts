import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { seedServiceFields } from '../bootstrap/bootstrap.service.js';

describe.each(DIALECTS)('service fields on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedServiceFields(t.tdb.db);
    await t.tdb.db
      .insertInto('service_fields')
      .values({ code: 'river', name_zh: '护河', name_en: 'River care', sort: 99 })
      .execute();
  });
  afterAll(() => t.close());

  it('lists the defaults in order, then fields the city added', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/fields' });
    expect(res.statusCode).toBe(200);
    const codes = (res.json() as { items: { code: string }[] }).items.map((f) => f.code);
    expect(codes).toEqual([...DEFAULT_FIELDS.map((f) => f.code), 'river']);
    expect(res.json().items[2]).toEqual({ code: 'ecology', nameZh: '生态环保', nameEn: 'Ecology' });
  });
});
