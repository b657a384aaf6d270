import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordProblem } from './password-policy.js';

describe('the password policy', () => {
  const owner = { phone: '13912345678', idNumber: '50010319900307123X', name: '张志愿' };

  it.each([
    ['12345678', 'password_too_short'],
    ['password', 'password_too_short'],
    [' '.repeat(8), 'password_blank'],
    [' '.repeat(12), 'password_blank'],
    ['1234567890', 'password_common'],
    ['QwertyUiop', 'password_common'],
    ['my-13912345678-pw', 'password_has_phone'],
    ['pw 139 1234 5678!', 'password_has_phone'],
    ['50010319900307123x-pw', 'password_has_id_number'],
    ['safe-07123X-word', 'password_has_id_number'],
    ['我是张志愿的密码啊', 'password_too_short'],
    ['我是张志愿的密码啊!!', 'password_has_name'],
  ])('judges %j: %s', (password, reason) => {
    expect(passwordProblem(password, owner)?.reason ?? null).toBe(reason);
  });

  it('takes a long, uncommon, impersonal password', () => {
    expect(passwordProblem('river-lantern-autumn', owner)).toBeNull();
    expect(passwordProblem('shanmei-demo')).toBeNull();
  });

  it('knows the 10,000 most common passwords, whatever their case', () => {
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(isCommonPassword('1qaz2wsx')).toBe(true);
    expect(isCommonPassword('river-lantern-autumn')).toBe(false);
  });

  it('never words a refusal with the password in it', () => {
    const p = passwordProblem('my-13912345678-pw', owner);
    expect(p?.message).not.toContain('13912345678');
  });
});
