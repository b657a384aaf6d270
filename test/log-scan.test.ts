import { describe, expect, it } from 'vitest';
import { makePhone, makeResidentId, PASSWORD } from './factories.js';
import { mask, scanLogLines, testPasswords } from './log-scan.js';

describe('the scan of the log lines written during the tests', () => {
  const id = makeResidentId('1990-01-01');
  const phone = makePhone();
  const token = 'smt_abcdefghijklmnopqrstuvwxyz012345';
  const session = 'Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA';

  it('finds ID numbers with a right check digit, mobile numbers, test passwords and tokens, and masks them', () => {
    const found = scanLogLines(
      [
        `{"msg":"registered ${id}"}`,
        `{"msg":"sms to ${phone}"}`,
        `{"msg":"login","password":"${PASSWORD}"}`,
        `{"msg":"auth","header":"Bearer ${token}"}`,
        `{"msg":"cookie sid=${session}"}`,
      ],
      { passwords: [PASSWORD], tokens: [session] },
    );
    expect(found.map((f) => f.kind)).toEqual(['id_number', 'phone', 'password', 'token', 'token']);
    const text = found.map((f) => f.line).join('\n');
    for (const secret of [id, phone, PASSWORD, token, session]) expect(text).not.toContain(secret);
    expect(text).toContain(mask(phone));
  });

  it('leaves alone what only looks like them: wrong check digits, timestamps, fractions, longer numbers', () => {
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const lines = [
      `{"level":30,"time":1765058389123,"msg":"request completed","responseTime":2.13912345678}`,
      `{"msg":"number ${wrongCheck}"}`,
      `{"msg":"order 913912345678 and 1391234567"}`,
      `{"reqId":"req-1","path":"/api/v1/volunteers/01a24d6f-fbf3-71b0-8178-186b575263bd"}`,
      `{"path":"/api/v1/shifts/a9b4e9b5-1476-82f6-8b4e-18912345600a"}`,
    ];
    expect(scanLogLines(lines, { passwords: [PASSWORD], tokens: [] })).toEqual([]);
  });

  it('reads the passwords the tests use from their sources', () => {
    expect(testPasswords(process.cwd())).toContain(PASSWORD);
  });
});
