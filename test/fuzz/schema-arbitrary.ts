/**
 * Valid-ish values from the JSON schemas of the API document, then mutated. No package derives
 * fast-check arbitraries from JSON Schema on Node 20 today (json-schema-fast-check 0.0.6 wants
 * fast-check 1 and faker 4), so this reads the subset our zod schemas produce: type, enum,
 * const, anyOf/oneOf/allOf, properties/required, items, the length and range bounds, format and
 * pattern, $ref to components.
 */
import fc from 'fast-check';
import { nastyValue } from './nasty.js';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  format?: string;
  pattern?: string;
  nullable?: boolean;
  default?: unknown;
};

/** Values a field's name suggests, when its schema says only "a string". */
export type Hints = (name: string) => fc.Arbitrary<unknown> | undefined;

/**
 * `plain`: the likeliest valid value instead of a varied one: required properties only, plain
 * letters, the fewest items a list takes (at least one) — the access matrix's probes.
 */
export interface ArbitraryOptions {
  plain?: boolean;
}

const MAX_DEPTH = 6;

function formatted(format: string): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.webUrl();
    default:
      return undefined;
  }
}

function stringOf(s: JsonSchema, plain: boolean): fc.Arbitrary<string> {
  if (s.format) {
    const f = formatted(s.format);
    if (f) return f;
  }
  if (s.pattern) {
    try {
      const re = new RegExp(s.pattern);
      return fc.stringMatching(re).filter((x) => x.length <= (s.maxLength ?? 10_000) && x.length >= (s.minLength ?? 0));
    } catch {
      // A pattern JavaScript cannot read: plain strings below.
    }
  }
  if (plain)
    return fc.constant(
      '测试文字abcdefgh'.repeat(10).slice(0, Math.max(s.minLength ?? 0, Math.min(s.maxLength ?? 12, 12))),
    );
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 20, 40), unit: 'grapheme' });
}

function numberOf(s: JsonSchema, integer: boolean, plain: boolean): fc.Arbitrary<number> {
  const lo =
    typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : (s.minimum ?? undefined);
  const hi =
    typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : (s.maximum ?? undefined);
  if (plain) return fc.constant(Math.min(Math.max(1, Math.ceil(lo ?? 1)), Math.floor(hi ?? 1)));
  if (integer) {
    const min = Math.max(lo ?? -1000, -1_000_000);
    const max = Math.min(hi ?? 1000, 1_000_000);
    return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
  }
  const min = lo ?? -1000;
  const max = hi ?? 1000;
  return fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values that mostly satisfy `schema`; `doc` resolves $ref. */
export function arbitraryOf(
  schema: JsonSchema | undefined,
  doc: unknown,
  hints: Hints,
  name = '',
  depth = 0,
  opts: ArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  if (!schema || depth > MAX_DEPTH) return fc.constant(undefined);
  const plain = opts.plain === true;
  if (schema.$ref) {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc) as JsonSchema | undefined;
    return arbitraryOf(target, doc, hints, name, depth + 1, opts);
  }
  const hinted = hints(name);
  if (hinted && (schema.type === 'string' || schema.type === undefined)) return hinted;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) {
    if (plain) return arbitraryOf(alternatives[0], doc, hints, name, depth + 1, opts);
    return fc.oneof(...alternatives.map((a) => arbitraryOf(a, doc, hints, name, depth + 1, opts)));
  }
  if (schema.allOf?.length) {
    const merged: JsonSchema = {};
    for (const part of schema.allOf) {
      Object.assign(merged, part, {
        properties: { ...merged.properties, ...part.properties },
        required: [...(merged.required ?? []), ...(part.required ?? [])],
      });
    }
    delete merged.allOf;
    return arbitraryOf(merged, doc, hints, name, depth + 1, opts);
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) {
    const usable = plain ? types.filter((x) => x !== 'null').slice(0, 1) : types;
    return fc.oneof(...usable.map((type) => arbitraryOf({ ...schema, type }, doc, hints, name, depth + 1, opts)));
  }
  const base = ((): fc.Arbitrary<unknown> => {
    switch (types[0] ?? (schema.properties ? 'object' : undefined)) {
      case 'string':
        return stringOf(schema, plain);
      case 'integer':
        return numberOf(schema, true, plain);
      case 'number':
        return numberOf(schema, false, plain);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        if (plain) {
          const n = Math.min(Math.max(schema.minItems ?? 1, 1), schema.maxItems ?? 1);
          return fc.array(arbitraryOf(schema.items, doc, hints, name, depth + 1, opts), { minLength: n, maxLength: n });
        }
        return fc.array(arbitraryOf(schema.items, doc, hints, name, depth + 1, opts), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 3, Math.max(3, schema.minItems ?? 0)),
        });
      case 'object': {
        const props = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, sub] of Object.entries(props)) {
          if (plain && !required.has(key)) continue;
          model[key] = arbitraryOf(sub, doc, hints, key, depth + 1, opts);
        }
        return fc.record(model, { requiredKeys: Object.keys(model).filter((k) => required.has(k)) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return schema.nullable && !plain ? fc.option(base, { nil: null, freq: 8 }) : base;
}

/**
 * Turns a valid-ish value into a broken one at one place: a field replaced by a nasty value,
 * a required field dropped, an unknown field added, or the whole value swapped.
 */
export function mutate(value: unknown): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== 'object') return nastyValue;
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]) => {
    if (at.length > 4) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    paths.push(at);
  };
  walk(value, []);
  const edit = (path: (string | number)[], how: 'set' | 'drop', to?: unknown) => {
    const copy = structuredClone(value) as Record<string | number, unknown>;
    if (path.length === 0) return to;
    let o = copy;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (how === 'drop') delete o[last];
    else o[last] = to;
    return copy;
  };
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...paths), nastyValue).map(([p, v]) => edit(p, 'set', v)) },
    { weight: 2, arbitrary: fc.constantFrom(...paths).map((p) => edit(p, 'drop')) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('unknownField', '__proto__', 'id', 'createdAt', 'status')
        .map((k) => (Array.isArray(value) ? value : { ...(value as object), [k]: 'x' })),
    },
  );
}
