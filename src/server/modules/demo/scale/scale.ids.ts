/**
 * Deterministic identifiers for generated rows. Two loads with the same seed and reference
 * date make the same ids, codes and receipt numbers, so their rows can be compared.
 */
import { RECEIPT_ALPHABET } from '../../supermarkets/index.js';
import { luhnCheckDigit } from '../../volunteers/index.js';

/** The tables whose ids the generator makes; each has its own counter. */
export const ID_KINDS = {
  user: 1,
  volunteer: 2,
  organisation: 3,
  site: 4,
  activity: 5,
  shift: 6,
  record: 7,
  transaction: 8,
  entry: 9,
  account: 10,
  membership: 11,
  grant: 12,
  goods: 13,
  redemption: 14,
  redemptionItem: 15,
  movement: 0,
} as const;
export type IdKind = keyof typeof ID_KINDS;

const hex = (n: number, digits: number): string => n.toString(16).padStart(digits, '0');

/**
 * UUIDv7-shaped ids, as the app's `newId` makes: 48 bits of milliseconds (the row's creation
 * time, so ids still sort by creation and serve as cursors), version 7, the variant, and —
 * where `newId` has random bits — the table's kind, 22 bits of the seed and a per-kind counter.
 * The counter keeps them unique within a load; the app's own ids (random bits) cannot meet them.
 */
export class ScaleIds {
  private readonly counters = new Map<IdKind, number>();
  private readonly seedA: string;
  private readonly seedB: string;
  // Ids made together (a transaction and its entries) share their time: its text is kept.
  private lastMs = -1;
  private lastTime = '';

  constructor(seed: number) {
    this.seedA = hex((seed >>> 14) & 0xff, 2);
    this.seedB = hex(0x8000 | (seed & 0x3fff), 4);
  }

  next(kind: IdKind, ms: number): string {
    const n = this.counters.get(kind) ?? 0;
    this.counters.set(kind, n + 1);
    if (ms !== this.lastMs) {
      const t = hex(Math.floor(ms), 12);
      this.lastMs = ms;
      this.lastTime = `${t.slice(0, 8)}-${t.slice(8)}-7`;
    }
    return `${this.lastTime}${ID_KINDS[kind].toString(16)}${this.seedA}-${this.seedB}-${hex(n, 12)}`;
  }

  /** How many ids of a kind were made. */
  count(kind: IdKind): number {
    return this.counters.get(kind) ?? 0;
  }
}

const CODE_SPACE = 10_000_000_000;
// Coprime with 10^10, and small enough that n × A stays exact in a double for 7 million codes.
const CODE_STEP = 1_234_567_891;

/**
 * Volunteer codes (V, 10 digits, Luhn digit) from a counter through a bijection of the 10-digit
 * space: distinct for distinct counters, and nothing like the ID number. Codes already taken
 * (the demo's random ones) are passed over.
 */
export class VolunteerCodes {
  private n = 0;
  constructor(
    private readonly offset: number,
    private readonly taken: ReadonlySet<string>,
  ) {}

  next(): string {
    for (;;) {
      const body = String((this.n++ * CODE_STEP + this.offset) % CODE_SPACE).padStart(10, '0');
      const code = `V${body}${luhnCheckDigit(body)}`;
      if (!this.taken.has(code)) return code;
    }
  }
}

const RECEIPT_SPACE = 31 ** 8;
const RECEIPT_STEP = 7919;

/** Receipt numbers (8 characters) from a counter through a bijection of their space. */
export class ReceiptNumbers {
  private n = 0;
  constructor(
    private readonly offset: number,
    private readonly taken: ReadonlySet<string>,
  ) {}

  next(): string {
    for (;;) {
      let x = (this.n++ * RECEIPT_STEP + this.offset) % RECEIPT_SPACE;
      let out = '';
      for (let i = 0; i < 8; i++) {
        out = RECEIPT_ALPHABET[x % 31] + out;
        x = Math.floor(x / 31);
      }
      if (!this.taken.has(out)) return out;
    }
  }
}
