import { ADMIN_PASSWORD } from './test-server.js';
import { smsInboxOf } from './test-server.js';

/** A logged-in API caller for arranging test data (the browser is for what is being tested). */
export class ApiCaller {
  private constructor(
    private readonly base: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async login(base: string, login = 'admin', password = ADMIN_PASSWORD): Promise<ApiCaller> {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    if (!res.ok) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = (await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).json()) as { csrfToken: string };
    return new ApiCaller(base, cookie, me.csrfToken);
  }

  async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.base}/api/v1${path}`, { headers: { cookie: this.cookie } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** A PUT whose answer is empty (204), e.g. setting the counter PIN. */
  async put(path: string, body: unknown): Promise<void> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
  }

  /** Any call, its answer as it came (a refusal is not thrown). */
  send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

/** Registers a volunteer straight through the API (anyone may). */
export async function registerVolunteerByApi(
  base: string,
  v: { name: string; idNumber: string; phone: string; password: string; regionCode: string },
): Promise<{ id: string; userId: string; volunteerCode: string }> {
  // The phone is proved first, as the web app does: a code by SMS, read from the dev provider's file.
  const asked = await fetch(`${base}/api/v1/verification-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: v.phone, purpose: 'register' }),
  });
  if (asked.status !== 202) throw new Error(`verification code: ${asked.status} ${await asked.text()}`);
  const verificationCode = smsInboxOf(base).lastCode(v.phone);
  const res = await fetch(`${base}/api/v1/volunteers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ idType: 'resident_id', skills: [], fields: [], ...v, verificationCode }),
  });
  if (!res.ok) throw new Error(`register: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; userId: string; volunteerCode: string };
}

/** The team admin invites the volunteer and the volunteer accepts: a membership by consent. */
export async function joinTeam(
  base: string,
  admin: ApiCaller,
  orgId: string,
  v: { id: string; phone: string; password: string },
  role: 'member' | 'leader' = 'member',
): Promise<void> {
  const invited = await admin.post<{ id: string }>(`/organisations/${orgId}/members`, { volunteerId: v.id, role });
  const self = await ApiCaller.login(base, v.phone, v.password);
  await self.post(`/memberships/${invited.id}/accept`, {});
}

/** A few sites of different types in 渝中区 and 江北区, for the map. */
export async function arrangeSites(admin: ApiCaller): Promise<void> {
  const sites = [
    { name: '解放碑新时代文明实践站', type: 'practice_point', regionCode: '500103', lat: 29.5576, lng: 106.5771 },
    { name: '七星岗街道积分超市', type: 'supermarket', regionCode: '500103', lat: 29.5564, lng: 106.5617 },
    { name: '江北区青少年之家', type: 'youth_home', regionCode: '500105', lat: 29.5755, lng: 106.5742 },
  ];
  for (const s of sites) await admin.post('/sites', { ...s, address: `重庆市 ${s.name}` });
}

/** A team with a team admin (a registered volunteer holding team_admin on it), made by the system admin. */
export async function arrangeTeam(
  base: string,
  admin: ApiCaller,
  leader: { name: string; idNumber: string; phone: string; password: string },
): Promise<{ organisationId: string; leaderId: string }> {
  const org = await admin.post<{ id: string }>('/organisations', {
    name: '渝中区生态环境志愿服务队',
    kind: 'team',
    level: 'district',
    regionCode: '500103',
    fields: ['ecology'],
  });
  const v = await registerVolunteerByApi(base, { ...leader, regionCode: '500103' });
  await admin.post('/roles', { userId: v.userId, role: 'team_admin', scopeType: 'organisation', scopeId: org.id });
  return { organisationId: org.id, leaderId: v.id };
}
