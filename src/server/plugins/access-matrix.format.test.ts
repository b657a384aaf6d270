import { describe, expect, it } from 'vitest';
import { formatMatrix, parseMatrix, withTable } from './access-matrix.format.js';

const HEAD = 'operation anonymous volunteer organiser site_manager region_admin system_admin';

describe('the access matrix table', () => {
  it('reads rows, one cell per role, and writes them back the same', () => {
    const rows = parseMatrix(`\n${HEAD}\ngetThing 401 allowed allowed/404 403 invalid allowed\n`);
    expect(rows.getThing).toEqual({
      anonymous: '401',
      volunteer: 'allowed',
      organiser: 'allowed/404',
      site_manager: '403',
      region_admin: 'invalid',
      system_admin: 'allowed',
    });
    expect(parseMatrix(formatMatrix(rows))).toEqual(rows);
  });

  it('refuses a row with a cell missing, an unknown outcome, a repeated operation or a wrong header', () => {
    expect(() => parseMatrix(`${HEAD}\ngetThing 401 allowed allowed 403 invalid`)).toThrow(/one known outcome/);
    expect(() => parseMatrix(`${HEAD}\ngetThing 401 allowed allowd 403 invalid allowed`)).toThrow(/getThing/);
    expect(() => parseMatrix(`${HEAD}\ngetThing 401 allowed 200 403 invalid allowed`)).toThrow(/getThing/);
    const row = 'getThing 401 401 401 401 401 401';
    expect(() => parseMatrix(`${HEAD}\n${row}\n${row}`)).toThrow(/two rows/);
    expect(() => parseMatrix(`operation volunteer anonymous\n${row}`)).toThrow(/header/);
  });

  it('replaces only the table of the file, keeping its comment', () => {
    const file = '/** about */\nconst TABLE = `\nold\n`;\nexport const X = 1;\n';
    const rows = parseMatrix(`${HEAD}\ngetThing 401 401 401 401 401 401`);
    const out = withTable(file, rows);
    expect(out.startsWith('/** about */\nconst TABLE = `\noperation')).toBe(true);
    expect(out.endsWith('`;\nexport const X = 1;\n')).toBe(true);
    expect(out).not.toContain('old');
  });
});
