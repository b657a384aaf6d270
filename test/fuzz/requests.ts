/**
 * Requests to every operation of the API document: valid-ish from its schemas and the scene's
 * ids, then broken in body, path, query and headers, as any of the roles.
 */
import fc from 'fast-check';
import { PASSWORD } from '../factories.js';
import { encodeLoosely, nastyString, nastyValue } from './nasty.js';
import { bodySchemaOf, pathParamsOf, type Method, type Operation } from './operations.js';
import { ROLES, type FuzzRole, type Ids, type Scene } from './scene.js';
import { arbitraryOf, mutate, type Hints, type JsonSchema } from './schema-arbitrary.js';

/** How a signed-in role calls: a bearer token, or the session cookie with or without its CSRF header. */
export type Transport = 'bearer' | 'session' | 'session_without_csrf';

export interface FuzzRequest {
  operationId: string;
  method: Method;
  role: FuzzRole;
  transport: Transport;
  url: string;
  /**
   * A path whose raw segments (`..`, `.`, `a/b`) make it another operation's: its refusals are
   * that operation's, so they are not held to this one's fields.
   */
  rerouted: boolean;
  /** A JSON value sent as the body, or a raw string with its own content type. */
  body?: { json: unknown } | { raw: string; contentType: string };
  headers: Record<string, string>;
}

/** Which pool of the scene a path segment or field name draws its ids from. */
/** The scene's pool of ids for a path segment (`/needs/{id}` → needs). */
export const POOL_OF_SEGMENT: Record<string, string> = {
  needs: 'needs',
  plans: 'plans',
  reports: 'reports',
  tasks: 'tasks',
  funding: 'funding',
  spending: 'spending',
  stories: 'stories',
  'story-tips': 'tips',
  activities: 'activities',
  shifts: 'shifts',
  signups: 'signups',
  records: 'records',
  volunteers: 'volunteers',
  users: 'users',
  organisations: 'organisations',
  sites: 'sites',
  supermarkets: 'supermarkets',
  goods: 'goods',
  regions: 'regions',
};

const POOL_OF_FIELD: Record<string, string> = {
  organisationId: 'organisations',
  parentId: 'organisations',
  departmentId: 'organisations',
  under: 'organisations',
  siteId: 'sites',
  usableBy: 'sites',
  activityId: 'activities',
  shiftId: 'shifts',
  volunteerId: 'volunteers',
  userId: 'users',
  actorUserId: 'users',
  entityId: 'volunteers',
  goodsId: 'goods',
  regionCode: 'regions',
  region: 'regions',
  parent: 'regions',
  scopeId: 'regions',
  volunteerCode: 'codes',
  volunteer: 'codes',
};

const CURSORS = ['eyJ9', 'e30', 'eyJpZCI6bnVsbH0', 'eyJpZCI6MSwiYXQiOnt9fQ', '!!', 'a'.repeat(2000), '%ZZ'];

/** Cursors shaped like ours (base64url JSON) whose keys hold odd values: they pass the shape check. */
const cursorArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...CURSORS),
  fc
    .dictionary(
      fc.constantFrom('id', 'at', 'start', 'end', 'name', 'seq', 'n', 'code', 'createdAt', 'k'),
      fc.oneof(
        nastyString.filter((x) => x.length < 300),
        fc.integer({ min: 0 }),
        fc.constantFrom(0, 2 ** 53 - 1),
      ),
      { minKeys: 1, maxKeys: 4 },
    )
    .map((o) => Buffer.from(JSON.stringify(o)).toString('base64url')),
);

/** Ids from either district, or a nasty string. */
function idFrom(scene: Scene, pool: string | undefined): fc.Arbitrary<string> {
  const pick = (ids: Ids) => (pool && ids[pool]?.length ? fc.constantFrom(...(ids[pool] as string[])) : undefined);
  const here = pick(scene.inScope);
  const there = pick(scene.outOfScope);
  const some = [
    ...(here ? [{ weight: 6, arbitrary: here }] : []),
    ...(there ? [{ weight: 3, arbitrary: there }] : []),
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: nastyString },
  ];
  return fc.oneof(...some);
}

function hintsFor(scene: Scene, op: Operation): Hints {
  return (name) => {
    if (name in POOL_OF_FIELD) return idFrom(scene, POOL_OF_FIELD[name]);
    switch (name) {
      case 'cursor':
        return cursorArb;
      case 'password':
      case 'currentPassword':
      case 'newPassword':
        // Never the right password for closing the account: the scene's people must stay.
        return op.operationId === 'postMeClose'
          ? fc.constantFrom('wrong-password-1', '')
          : fc.constantFrom(PASSWORD, 'new-password-77', 'short');
      case 'login':
        return fc.constantFrom(scene.volunteer.phone, scene.volunteer.volunteerCode, 'nobody', '');
      case 'phone':
        return fc.constantFrom(scene.volunteer.phone, '13900000000', '139', '+8613900000000');
      case 'idNumber':
        return fc.constantFrom(scene.volunteer.idNumber, '50010319900101123X', '000000000000000000');
      case 'near':
        return fc.constantFrom('29.5576,106.5774', '91,181', 'a,b', ',', '1e400,0');
      case 'field':
        return fc.constantFrom('ecology', 'elderly', 'nope');
      default:
        return undefined;
    }
  };
}

const RAW_BODIES = [
  '',
  '{',
  '{"a":',
  'null',
  '[]',
  '"text"',
  '123',
  '\u0000',
  '\uFEFF{}',
  '{"a":1,"a":2}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"x":1e999999}',
  '{"x":"\\ud800"}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
];

const headerValue = fc.oneof(
  fc.constantFrom('', 'Bearer ', 'Bearer smt_forged', 'Basic YTpi', 'x'.repeat(8000), 'null', '\u00e9\u00ff'),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
);

const headersArb: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  {
    weight: 3,
    arbitrary: fc.dictionary(
      fc.constantFrom(
        'authorization',
        'x-csrf-token',
        'cookie',
        'accept',
        'accept-language',
        'x-forwarded-for',
        'if-none-match',
        'range',
        'origin',
        'x-request-id',
      ),
      headerValue,
      { maxKeys: 3 },
    ),
  },
);

/** The value of one query parameter, as a string (or several, repeated). */
function queryValue(schema: JsonSchema | undefined, name: string, hints: Hints): fc.Arbitrary<string[] | undefined> {
  const valid = arbitraryOf(schema, {}, hints, name).map((v) => (v === undefined ? undefined : [String(v)]));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: valid },
    { weight: 2, arbitrary: nastyString.map((s) => [s]) },
    { weight: 1, arbitrary: fc.tuple(valid, nastyString).map(([a, b]) => [...(a ?? []), b]) },
  );
}

/** One request to `op`. */
export function requestFor(scene: Scene, op: Operation): fc.Arbitrary<FuzzRequest> {
  const hints = hintsFor(scene, op);
  const pathArb = fc
    .tuple(
      ...pathParamsOf(op.path).map(({ name, segment }) => {
        const declared = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
        return fc.oneof(
          { weight: 8, arbitrary: idFrom(scene, POOL_OF_SEGMENT[segment] ?? POOL_OF_FIELD[name]) },
          { weight: 2, arbitrary: arbitraryOf(declared, {}, hints, name).map(String) },
        );
      }),
    )
    .chain((values) =>
      // Now and then a segment as a broken client writes it: unescaped, or a broken %-escape.
      fc.oneof(
        { weight: 9, arbitrary: fc.constant(values.map((v) => encodeLoosely(v))) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('%', '%ZZ', '%E0%A4%A', '%C0%AE', '..', '.', '%2F', 'a/b', '%FF%FE', '%u0041')
            .map((raw) => values.map(() => raw)),
        },
      ),
    )
    .map((values) => {
      let i = 0;
      return op.path.replace(/\{\w+\}/g, () => values[i++] ?? '');
    });
  const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
  const queryArb = fc
    .tuple(
      fc.tuple(...queryParams.map((p) => queryValue(p.schema, p.name, hints))),
      fc.oneof(
        { weight: 8, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: fc.constantFrom('unknown=%00', 'a[b]=c', 'limit[]=1', '%', '&&=&', '__proto__[x]=1') },
      ),
    )
    .map(([values, extra]) => {
      const parts: string[] = [];
      queryParams.forEach((p, i) => {
        for (const v of values[i] ?? []) parts.push(`${encodeLoosely(p.name)}=${encodeLoosely(v)}`);
      });
      if (extra) parts.push(extra);
      return parts.length ? `?${parts.join('&')}` : '';
    });
  const schema = bodySchemaOf(op);
  const valid = schema ? arbitraryOf(schema, {}, hints) : fc.constant({});
  const bodyArb: fc.Arbitrary<FuzzRequest['body']> = fc.oneof(
    { weight: schema ? 4 : 6, arbitrary: valid.map((json) => (op.method === 'GET' ? undefined : { json })) },
    { weight: 4, arbitrary: valid.chain((v) => mutate(v)).map((json) => ({ json })) },
    { weight: 1, arbitrary: nastyValue.map((json) => ({ json })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...RAW_BODIES),
          fc.constantFrom(
            'application/json',
            'application/json; charset=latin1',
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
          ),
        )
        .map(([raw, contentType]) => ({ raw, contentType })),
    },
  );
  return fc
    .record({
      operationId: fc.constant(op.operationId),
      method: fc.constant(op.method),
      role: fc.constantFrom(...ROLES),
      transport: fc.constantFrom<Transport>('bearer', 'bearer', 'bearer', 'session', 'session_without_csrf'),
      url: fc.tuple(pathArb, queryArb).map(([p, q]) => p + q),
      body: bodyArb,
      headers: headersArb,
    })
    .map((r) => ({
      ...r,
      rerouted:
        r.url.split('?')[0]?.split('/').length !== op.path.split('/').length ||
        /\/\.\.?(\/|$|\?)/.test(r.url.split('?')[0] ?? ''),
    }));
}
