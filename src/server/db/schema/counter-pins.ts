/** Table types for the counter PIN of volunteers without a smartphone. Column names are snake_case as in the migrations. */
import type { Generated } from 'kysely';

/** Migration 110: a volunteer's counter PIN (argon2id hash only) and its run of wrong tries. */
export interface CounterPinsTable {
  volunteer_id: string;
  pin_hash: string;
  /** Wrong PINs in a row since the last right one or the last new PIN. */
  failures: Generated<number>;
  /** Until when the PIN opens nothing after too many wrong tries; null when not locked. */
  locked_until: string | null;
  updated_at: string;
}

export interface CounterPinsTables {
  counter_pins: CounterPinsTable;
}
