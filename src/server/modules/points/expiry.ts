/**
 * Expiry of earned points: moves the unspent part of every credit whose expiry date has
 * passed from the wallet to the city's expiry account. Expiry dates are local midnights,
 * so a run on any instant of a local day covers that whole day: the period is the local
 * date, and the key `expire:${volunteerId}:${period}` makes a second run that day a no-op
 * (a later day finds those credits already used up by the first run's debit).
 */
import { localDate, localMidnight } from '../../../common/zoned-time.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../ids.js';
import { claimLease, isDone, lastDoneBefore, markDone, releaseLease } from '../../platform/leases.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import * as repo from './expiry.repository.js';
import { transactionByKey } from './ledger.repository.js';
import { accountKey, CITY, lockAccounts, postTransaction, walletOf, type AccountRef } from './ledger.js';
import { expiringAmount, lotsOf } from './lots.js';

const LEASE = 'points-expiry';
const LEASE_MS = 15 * 60_000;
/** Room for a credit written just before a run but committed after its look: re-examined next time. */
const MARGIN_MS = 60 * 60_000;
const EXPIRY: AccountRef = { kind: 'expiry', ownerId: CITY };

export interface ExpiryRun {
  /** false when another process holds the run. */
  ran: boolean;
  period: string;
  wallets: number;
  points: number;
}

/** Expires one wallet in its own transaction; returns the points moved (0 if none or done). */
async function expireWallet(db: Db, volunteerId: string, cutoff: string, period: string): Promise<number> {
  const key = `expire:${volunteerId}:${period}`;
  return db.transaction().execute(async (trx) => {
    if (await transactionByKey(trx, key)) return 0;
    const wallet = walletOf(volunteerId);
    const locked = await lockAccounts(trx, [wallet, EXPIRY]);
    const account = locked.get(accountKey(wallet));
    if (!account) return 0;
    const amount = Math.min(account.balance, expiringAmount(lotsOf(await repo.walletHistory(trx, account.id)), cutoff));
    if (amount <= 0) return 0;
    const r = await postTransaction(trx, {
      kind: 'expire',
      idempotencyKey: key,
      source: 'expiry',
      sourceId: volunteerId,
      memo: `points earned until ${period} expired`,
      postings: [
        { account: wallet, amount: -amount, expiresAt: cutoff },
        { account: EXPIRY, amount },
      ],
    });
    return r.replayed ? 0 : amount;
  });
}

/**
 * One expiry run as of `at` (default now). Only one process runs at a time: the run holds
 * a lease row claimed with a conditional UPDATE; a second caller meanwhile gets ran=false.
 */
export async function runExpiry(db: Db, when: string = new Date().toISOString()): Promise<ExpiryRun> {
  const at = new Date(when).toISOString();
  const settings = await getSettings(db);
  const period = localDate(at, settings.timeZone);
  const holder = newId();
  const now = new Date().toISOString();
  if (!(await claimLease(db, LEASE, holder, now, new Date(Date.now() + LEASE_MS).toISOString()))) {
    return { ran: false, period, wallets: 0, points: 0 };
  }
  try {
    let wallets = 0;
    let points = 0;
    // The last finished run before this day saw everything up to its day's start: look only at what
    // has changed since (a city's years of expired credits are not read again every day).
    const last = await lastDoneBefore(db, `${LEASE}@`, period);
    const since = last ? new Date(Date.parse(localMidnight(last, settings.timeZone)) - MARGIN_MS).toISOString() : null;
    for (const volunteerId of await repo.walletsWithExpiredCredits(db, at, since)) {
      const moved = await expireWallet(db, volunteerId, at, period);
      if (moved > 0) {
        wallets += 1;
        points += moved;
      }
    }
    await markDone(db, `${LEASE}@${period}`);
    return { ran: true, period, wallets, points };
  } finally {
    await releaseLease(db, LEASE, holder);
  }
}

/** The job loop's step: one run per local day, the first tick of the day that gets the lease. */
export async function runScheduledExpiry(db: Db): Promise<ExpiryRun | null> {
  const settings = await getSettings(db);
  const now = new Date().toISOString();
  if (await isDone(db, `${LEASE}@${localDate(now, settings.timeZone)}`)) return null;
  return runExpiry(db, now);
}
