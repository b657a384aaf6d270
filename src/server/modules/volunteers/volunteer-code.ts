import { randomInt } from 'node:crypto';

/** The Luhn (mod 10) check digit for a string of digits. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counting leftwards from the one next to the check digit.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * A volunteer code (志愿者编号): "V", 10 random digits and a Luhn check digit. Random, so it
 * says nothing about the person and cannot be derived from the ID number; the check digit
 * catches most typing slips at a counter.
 */
export function newVolunteerCode(): string {
  // One draw of the whole 10-digit body (randomInt is unbiased below 2^48): ten draws of a digit
  // each cost a call into the CSPRNG, a fifth of a millisecond per bulk-imported person.
  const body = String(randomInt(10_000_000_000)).padStart(10, '0');
  return `V${body}${luhnCheckDigit(body)}`;
}

/** Whether `code` is well-formed, with a correct check digit. */
export function isVolunteerCode(code: string): boolean {
  const m = /^V(\d{10})(\d)$/.exec(code);
  return !!m && luhnCheckDigit(m[1] ?? '') === m[2];
}
