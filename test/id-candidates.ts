import { residentIdCheckDigit } from '../src/common/id-numbers.js';

/** What an attacker has learnt about one person's resident ID number. */
export interface IdFacts {
  /** Characters the masked form shows. */
  first?: string;
  last?: string;
  /** The person's region: its first six digits are taken as where the number was issued. */
  regionCode?: string;
  birthYear?: number | null;
  birthDate?: string | null;
  gender?: 'male' | 'female' | null;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function daysOf(f: IdFacts): string[] {
  if (f.birthDate) return [f.birthDate];
  if (!f.birthYear) throw new Error('count candidates with at least a birth year known (the worst case)');
  const days: string[] = [];
  for (let t = Date.UTC(f.birthYear, 0, 1); new Date(t).getUTCFullYear() === f.birthYear; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * How many resident ID numbers fit the facts, counted one by one: the region taken as known
 * (the attacker's best guess), every day the birth facts allow, every sequence number of the
 * right gender, and the check character the mask shows.
 */
export function countIdCandidates(f: IdFacts): number {
  const region = f.regionCode?.slice(0, 6);
  if (!region || !/^\d{6}$/.test(region)) throw new Error('count candidates with the region known (the worst case)');
  if (f.first && !region.startsWith(f.first)) return 0;
  let n = 0;
  for (const day of daysOf(f)) {
    const head = region + day.replaceAll('-', '');
    for (let seq = 0; seq < 1000; seq++) {
      if (f.gender && (seq % 2 === 1) !== (f.gender === 'male')) continue;
      const first17 = head + pad(seq, 3);
      if (f.last && residentIdCheckDigit(first17) !== f.last) continue;
      n += 1;
    }
  }
  return n;
}
