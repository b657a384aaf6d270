import type { FastifyInstance } from 'fastify';
import { badRequest } from '../../common/errors.js';
import { hasControlCharacter } from '../../common/text.js';

/** How deep a JSON body may nest: no schema of ours goes past a few levels. */
export const MAX_NESTING = 32;

/**
 * The first place in a parsed input where a string holds a control character or the nesting
 * goes too deep: its field path and the problem, or null. Walks with its own stack, so a body
 * nested a million deep cannot overflow the call stack.
 */
export function findBadInput(
  value: unknown,
  context: string,
): { field: string; problem: 'control' | 'nesting' } | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: context, depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop() as { v: unknown; path: string; depth: number };
    if (typeof v === 'string') {
      if (hasControlCharacter(v)) return { field: path, problem: 'control' };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_NESTING) return { field: path, problem: 'nesting' };
    for (const [k, child] of Object.entries(v)) {
      const at = `${path}.${k}`;
      if (hasControlCharacter(k)) return { field: path, problem: 'control' };
      stack.push({ v: child, path: at, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Refuses, before any schema or handler sees it, a request whose path parameters, query or JSON
 * body holds a control character (or nests too deep): one rule for every string of every route.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [context, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      const bad = findBadInput(value, context);
      if (!bad) continue;
      // `params.*` is Fastify's name for the whole path where no route matched: the caller's
      // `url`, as the router's own refusals name it (errors.ts frameworkErrors).
      const field = bad.field === 'params.*' || bad.field.startsWith('params.*.') ? 'url' : bad.field;
      throw badRequest(
        bad.problem === 'control'
          ? `${field}: holds a control character (such as NUL), which no field accepts`
          : `${field}: nested more than ${MAX_NESTING} levels deep`,
        { field },
      );
    }
  });
}
