import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { devSmsProvider } from '../src/server/platform/notify/transports.js';
import { SmsInbox } from './sms.js';
import { createTestDatabase } from './test-db.js';
/** Log lines the app wrote, for assertions that personal data never reaches them. */
export class LogCapture extends Writable {
    lines = [];
    _write(chunk, _enc, cb) {
        this.lines.push(chunk.toString('utf8'));
        cb();
    }
    text() {
        return this.lines.join('');
    }
}
export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';
/** A real app on a fresh database of the dialect, with logs captured at debug level. */
export async function createTestApp(dialect) {
    const tdb = await createTestDatabase(dialect);
    const logs = new LogCapture();
    const config = loadConfig({ LOG_LEVEL: 'debug', SHANMEI_RATE_LIMITS: 'on' }, {
        databaseUrl: tdb.url,
        secret: TEST_SECRET,
        webRoot: undefined,
    });
    const smsDir = mkdtempSync(join(tmpdir(), 'shanmei-sms-'));
    const sms = new SmsInbox(join(smsDir, 'sms.log'));
    const app = await buildApp(config, tdb, { logStream: logs, sms: devSmsProvider(sms.file) });
    await app.ready();
    return {
        app,
        tdb,
        logs,
        sms,
        close: async () => {
            await app.close();
            await tdb.drop();
            rmSync(smsDir, { recursive: true, force: true });
        },
    };
}
/** An HTTP client over app.inject that keeps the session cookie and sends the CSRF token. */
export class Client {
    app;
    cookie;
    csrf;
    constructor(app) {
        this.app = app;
    }
    async request(method, url, body, headers = {}) {
        const h = { ...headers };
        if (this.cookie)
            h.cookie = this.cookie;
        if (this.csrf && method !== 'GET')
            h['x-csrf-token'] = this.csrf;
        return this.app.inject({
            method,
            url,
            headers: h,
            ...(body === undefined ? {} : { payload: body }),
        });
    }
    get = (url) => this.request('GET', url);
    post = (url, body = {}) => this.request('POST', url, body);
    del = (url) => this.request('DELETE', url);
    /** Logs in and fetches the CSRF token; throws when the login fails. */
    async login(login, password) {
        const res = await this.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
        if (res.statusCode !== 200)
            throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
        const set = res.headers['set-cookie'];
        const first = Array.isArray(set) ? set[0] : set;
        this.cookie = first?.split(';')[0];
        const me = await this.get('/api/v1/me');
        this.csrf = me.json().csrfToken;
        return this;
    }
}
//# sourceMappingURL=test-app.js.map