/**
 * Values a careless or hostile client sends: huge and control-character strings, unicode edge
 * cases, SQL and HTML fragments, extreme numbers, bad dates and cursors, wrong types and deep
 * nesting. Each is a fast-check arbitrary, so the fixed seed replays them exactly.
 */
import fc from 'fast-check';

/** Strings that break naive code: each kind the issue names, and a few more. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001f\u007f',
  '\r\n\t\v\f',
  '\uD800',
  '\uDFFF',
  'x\uDC00y',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  '\u200B\u200C\u200D\uFEFF',
  '👨‍👩‍👧‍👦🏳️‍🌈👍🏽',
  '𠜎𠜱𠝹',
  'Ｚａｌｇｏ̵̡̢̧̛̛̛̖̗̘̙̜̝̞̟̠̀́̂̃̄̅',
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT pg_sleep(1)',
  '%_!\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  'null',
  'undefined',
  'NaN',
  'true',
  '-1',
  '1e309',
  '0x7fffffff',
  '9'.repeat(400),
  '2026-02-30T25:61:61Z',
  '0000-00-00',
  '2026-13-01',
  '10000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '1970-01-01T00:00:00+25:00',
  'yesterday',
  'eyJ9',
  'e30',
  'eyJpZCI6bnVsbCwiYXQiOltdfQ',
  'eyJpZCI6eyJfX3Byb3RvX18iOnsiYSI6MX19fQ',
  '!!!not-base64!!!',
  '01a00000-0000-7000-8000-000000000000',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '__proto__',
  'constructor',
  '110101199003077777',
  '500103199001011234',
  '+86 139 0000 0000',
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', '字', '\u0000', '😀', "'"), fc.constantFrom(256, 5_000, 70_000, 300_000))
      .map(([c, n]) => c.repeat(n)),
  },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    -2_147_483_649,
    2_147_483_648,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** An array or object nested `depth` levels deep. */
export const deeplyNested = (depth: number, asArray: boolean): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
};

/** Any JSON value of the wrong shape, nested values included. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': '' }) },
  { weight: 1, arbitrary: fc.constantFrom(10, 200, 3_000).chain((d) => fc.boolean().map((a) => deeplyNested(d, a))) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 20_000 }, (_, i) => i)) },
  {
    weight: 1,
    arbitrary: fc.constant(JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}') as unknown),
  },
);

/** Percent-encodes anything, lone surrogates included (as the bytes a broken client sends). */
export function encodeLoosely(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .split('')
      .map((ch) => {
        const c = ch.charCodeAt(0);
        if (c >= 0xd800 && c <= 0xdfff)
          return `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`;
        return encodeURIComponent(ch);
      })
      .join('');
  }
}
