import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import type { Db } from '../db/database.js';
import { isPostgres } from './db.js';

/** A value a compiled query is run with. */
type Value = string | number | null;

/** Where an argument goes in the compiled query's parameters. */
class Slot {
  constructor(readonly index: number) {}
}

interface Shape {
  sql: string;
  /** Each parameter: an argument's slot, or a value fixed by the query itself. */
  parameters: readonly unknown[];
}

/**
 * A query that Kysely builds and compiles once per dialect and then runs with new values. Kysely
 * otherwise builds a query's tree and compiles it to SQL on every call: about 30 µs each, a sixth
 * of a check-in's CPU, paid again by every request on the hot paths (who is calling, the shift,
 * the open attendance). `build` is called once with stand-ins for the arguments; each must be used
 * as a plain value (`where('id', '=', id)`, `values({ id })`), never to choose the query's shape
 * (no `if (id)`, no lists): an argument the compiled query does not carry is refused at its first
 * use. The rows come back as the driver gives them, with no plugin in between (the app has none).
 */
export function compiledQuery<A extends Value[], O>(
  build: (db: Db, ...args: A) => Compilable<O>,
): (db: Db, ...args: A) => Promise<QueryResult<O>> {
  const shapes = new Map<boolean, Shape>();
  const shapeFor = (db: Db, arity: number): Shape => {
    const postgres = isPostgres(db);
    let shape = shapes.get(postgres);
    if (!shape) {
      const slots = Array.from({ length: arity }, (_, i) => new Slot(i));
      const q = build(db, ...(slots as unknown as A)).compile();
      const used = new Set(q.parameters.filter((p): p is Slot => p instanceof Slot).map((s) => s.index));
      if (used.size !== arity) {
        throw new Error(
          `A compiled query must carry each of its ${arity} arguments as a value; it carries ${used.size}`,
        );
      }
      shape = { sql: q.sql, parameters: q.parameters };
      shapes.set(postgres, shape);
    }
    return shape;
  };
  return async (db, ...args) => {
    const shape = shapeFor(db, args.length);
    const parameters = shape.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
    return db.executeQuery<O>(CompiledQuery.raw(shape.sql, parameters));
  };
}
