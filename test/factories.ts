import { randomInt } from 'node:crypto';
import type { Role, ScopeType } from '../src/common/enums.js';
import { residentIdCheckDigit } from '../src/common/id-numbers.js';
import type { AppContext } from '../src/server/context.js';
import type { Db } from '../src/server/db/database.js';
import { newId, nowIso } from '../src/server/ids.js';
import { hashPassword } from '../src/server/platform/passwords.js';
import { insertRegions, type RegionInput } from '../src/server/modules/regions/regions.repository.js';
import type { SiteInput } from '../src/server/modules/sites/sites.repository.js';
import {
  registerVolunteer,
  type RegisteredVolunteer,
  type VolunteerRegistration,
} from '../src/server/modules/volunteers/registration.service.js';

/**
 * A small real region tree: 重庆市 with two districts, a functional zone and their streets.
 * Codes are real GB/T 2260 codes.
 */
export const REGIONS = {
  city: '500000',
  yuzhong: '500103',
  jiefangbei: '500103003',
  shapingba: '500106',
  xiaolongkan: '500106001',
  liangjiang: '500X01',
} as const;

/** Where a practice point at Jiefangbei stands: the place fields of a site inserted directly. */
export const JIEFANGBEI_PRACTICE_POINT = {
  type: 'practice_point',
  regionCode: REGIONS.jiefangbei,
  lat: 29.5576,
  lng: 106.5774,
} satisfies Partial<SiteInput>;

export async function makeRegions(db: Db, extra: RegionInput[] = []): Promise<void> {
  await insertRegions(db, [
    { code: '500000', name: '重庆市', level: 'city', parent_code: null, kind: 'division' },
    { code: '500103', name: '渝中区', level: 'district', parent_code: '500000', kind: 'division' },
    { code: '500103003', name: '解放碑街道', level: 'town', parent_code: '500103', kind: 'division' },
    { code: '500106', name: '沙坪坝区', level: 'district', parent_code: '500000', kind: 'division' },
    { code: '500106001', name: '小龙坎街道', level: 'town', parent_code: '500106', kind: 'division' },
    { code: '500X01', name: '两江新区', level: 'district', parent_code: '500000', kind: 'functional_zone' },
    ...extra,
  ]);
}

const hashes = new Map<string, Promise<string>>();
const cachedHash = (pw: string): Promise<string> => {
  let h = hashes.get(pw);
  if (!h) hashes.set(pw, (h = hashPassword(pw)));
  return h;
};

export const PASSWORD = 'correct-horse-42';

export interface UserOverrides {
  username?: string;
  password?: string;
  displayName?: string;
  roles?: { role: Role; scopeType: ScopeType; scopeId: string }[];
}

/** A user with a username login and the given role grants. */
export async function makeUser(
  db: Db,
  o: UserOverrides = {},
): Promise<{ id: string; username: string; password: string }> {
  const id = newId();
  const username = o.username ?? `user_${id.slice(-10)}`;
  const password = o.password ?? PASSWORD;
  await db
    .insertInto('users')
    .values({
      id,
      username,
      display_name: o.displayName ?? username,
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      password_hash: await cachedHash(password),
      region_code: null,
      locale: 'zh-CN',
      status: 'active',
      created_at: nowIso(),
    })
    .execute();
  for (const g of o.roles ?? []) await grant(db, id, g.role, g.scopeType, g.scopeId);
  return { id, username, password };
}

/** A region admin over `scopeId`, or the system admin (scope `system`). */
export function makeAdmin(
  db: Db,
  role: 'region_admin' | 'system_admin',
  scopeId: string,
  o: Omit<UserOverrides, 'roles'> = {},
): Promise<{ id: string; username: string; password: string }> {
  return makeUser(db, { ...o, roles: [{ role, scopeType: role === 'system_admin' ? 'system' : 'region', scopeId }] });
}

export async function grant(db: Db, userId: string, role: Role, scopeType: ScopeType, scopeId: string): Promise<void> {
  await db
    .insertInto('role_grants')
    .values({
      id: newId(),
      user_id: userId,
      role,
      scope_type: scopeType,
      scope_id: scopeId,
      granted_by: null,
      created_at: nowIso(),
    })
    .execute();
}

const usedNumbers = new Set<string>();
/** Random digits not handed out before in this process. */
function freshDigits(prefix: string, n: number): string {
  for (;;) {
    let s = prefix;
    while (s.length < prefix.length + n) s += String(randomInt(10));
    if (!usedNumbers.has(s)) {
      usedNumbers.add(s);
      return s;
    }
  }
}

/** An adult's birth date, spread over 40 years so ID numbers rarely share a prefix. */
function anyBirthDate(): string {
  const d = new Date(Date.UTC(1960, 0, 1) + randomInt(40 * 365) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * A birth date that makes someone exactly `age` today (China time) and for the next few
 * weeks: their birthday was about 100 days ago. Built from the injected clock, never fixed.
 */
export function birthDateAged(age: number): string {
  const back = new Date(Date.parse(nowIso()) + 8 * 3_600_000 - 100 * 86_400_000);
  const md = back.toISOString().slice(5, 10);
  return `${back.getUTCFullYear() - age}-${md === '02-29' ? '02-28' : md}`;
}

/** A valid 居民身份证 number (right check digit) for `birthDate` (YYYY-MM-DD), new each call. */
export function makeResidentId(birthDate = anyBirthDate(), regionPrefix = '500103'): string {
  const first17 = freshDigits(`${regionPrefix}${birthDate.replaceAll('-', '')}`, 3);
  return first17 + residentIdCheckDigit(first17);
}

/** A mainland mobile number, new each call. */
export const makePhone = (): string => freshDigits('139', 8);

export interface VolunteerOverrides extends Partial<VolunteerRegistration> {
  /** Birth date for a generated resident ID (ignored when idNumber is given). */
  birthDate?: string;
}

export interface MadeVolunteer extends RegisteredVolunteer {
  /** The plain values, for logging in and for asserting they never leak. */
  idNumber: string;
  phone: string;
  password: string;
}

/**
 * A registered volunteer (user, volunteer, `volunteer` role), made through the same code
 * the API uses. Needs the app for its cipher; `makeRegions` must have run first.
 */
export async function makeVolunteer(
  app: { ctx: Pick<AppContext, 'cipher' | 'database'> },
  o: VolunteerOverrides = {},
): Promise<MadeVolunteer> {
  const { birthDate, ...given } = o;
  const input: VolunteerRegistration = {
    name: '张志愿',
    idType: 'resident_id',
    idNumber: given.idNumber ?? makeResidentId(birthDate),
    phone: makePhone(),
    password: PASSWORD,
    regionCode: REGIONS.jiefangbei,
    skills: [],
    fields: [],
    ...given,
  };
  const made = await registerVolunteer(app.ctx, app.ctx.database.db, input, {
    passwordHash: await cachedHash(input.password),
  });
  return { ...made, idNumber: input.idNumber, phone: input.phone, password: input.password };
}
