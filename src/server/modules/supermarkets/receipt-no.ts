import { randomInt } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { receiptNoTaken } from './redemptions.repository.js';

/** Letters and digits that cannot be mistaken for one another when read aloud or typed back (no 0/O, 1/I/L). */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECEIPT_NO = /^[2-9A-HJKMNP-Z]{8}$/;

const draw = (): string =>
  Array.from({ length: 8 }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]).join('');

/**
 * A fresh receipt number: 8 characters of 31 (about 8.5 × 10¹¹), drawn again while taken. The
 * unique index catches the one-in-a-trillion race of two counters drawing the same one at once.
 */
export async function newReceiptNo(db: Db): Promise<string> {
  for (;;) {
    const no = draw();
    if (!(await receiptNoTaken(db, no))) return no;
  }
}
