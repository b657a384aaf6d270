/**
 * How long the fuzz runs and from which seed. `npm test` runs a fixed seed and a number of
 * requests that takes about a minute per dialect here; `npm run fuzz` runs many more from a
 * random seed and prints it, and SHANMEI_FUZZ_SEED replays a run exactly as it was drawn.
 */
import { randomInt } from 'node:crypto';

/** The seed `npm test` uses: a fixed one, so a failure there is the same on every machine. */
export const FIXED_SEED = 20_261_206;
/** Requests per dialect in `npm test`. */
export const DEFAULT_RUNS = 6000;

export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): { seed: number; runs: number } {
  const runs = Number(env.SHANMEI_FUZZ_RUNS ?? DEFAULT_RUNS);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('SHANMEI_FUZZ_RUNS: a positive whole number');
  let seed = FIXED_SEED;
  if (env.SHANMEI_FUZZ_SEED !== undefined && env.SHANMEI_FUZZ_SEED !== '') {
    seed = Number(env.SHANMEI_FUZZ_SEED);
    if (!Number.isSafeInteger(seed)) throw new Error('SHANMEI_FUZZ_SEED: a whole number');
  } else if (env.SHANMEI_FUZZ_RANDOM === '1') {
    seed = randomInt(2 ** 31);
  }
  return { seed, runs };
}
