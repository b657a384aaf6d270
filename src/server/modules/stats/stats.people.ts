/**
 * Volunteers in the kept statistics: registered and active volunteers per region (where they
 * live) and per department (its active members, once however many of its teams they are in),
 * moved as volunteers register, move, close, join and leave teams, and serve.
 */
import type { Transaction } from 'kysely';
import { localDate } from '../../../common/zoned-time.js';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { appendDelta, appendDeltas, departmentsOf, timeZoneOf } from './stats.deltas.js';
import * as repo from './stats.people.repository.js';

/**
 * Keeps the month of the volunteer's latest confirmed service: a confirmation in `month` can
 * only move it later; a revocation (month null) finds it again from the records. An active
 * volunteer's move shows in last_served at their own region.
 */
export async function moveLastServed(trx: Transaction<DB>, volunteerId: string, month: string | null): Promise<void> {
  const stored = await repo.keptLastServed(trx, volunteerId);
  let next: string | null;
  if (month !== null) next = stored !== null && stored >= month ? stored : month;
  else next = await repo.latestConfirmedMonth(trx, volunteerId);
  if (next === stored) return;
  await repo.keepLastServed(trx, volunteerId, stored, next);
  const v = await repo.volunteerForCounts(trx, volunteerId);
  if (v?.status !== 'active') return;
  const departments = await repo.memberDepartments(trx, volunteerId);
  if (stored !== null) await lastServedMoved(trx, v.region_code, departments, stored, -1);
  if (next !== null) await lastServedMoved(trx, v.region_code, departments, next, 1);
}

const lastServedMoved = (trx: Db, regionCode: string, departments: string[], month: string, sign: 1 | -1) =>
  appendDelta(trx, { regionCode, organisationId: null, departments, day: `${month}-01` }, { last_served: sign });

/**
 * A volunteer as they are now starts counting (sign 1: registered, activated, or just moved
 * in) or stops (sign -1: about to close, or to move out), if their status is active: among
 * their region's volunteers by their day of registration, and among its active ones by the
 * month of their latest service.
 */
export async function volunteerCounted(trx: Transaction<DB>, volunteerId: string, sign: 1 | -1): Promise<void> {
  await volunteerIn(trx, volunteerId, await repo.memberDepartments(trx, volunteerId), sign);
}

/**
 * Volunteers just registered, active, in no team yet and never served (a batch of an import):
 * counted as `volunteerCounted` would count each, one delta per region and registration day.
 */
export async function volunteersRegistered(
  trx: Transaction<DB>,
  people: readonly { regionCode: string; registeredAt: string }[],
  /** The platform's time zone, when the caller has just read the settings in `trx`. */
  knownTimeZone?: string,
): Promise<void> {
  if (people.length === 0) return;
  const timeZone = knownTimeZone ?? (await timeZoneOf(trx));
  const counts = new Map<string, number>();
  // An import's people mostly share one registration instant: its local day is worked out once.
  const days = new Map<string, string>();
  const dayOf = (at: string) => days.get(at) ?? days.set(at, localDate(at, timeZone)).get(at)!;
  for (const p of people) {
    const key = `${p.regionCode} ${dayOf(p.registeredAt)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  await appendDeltas(
    trx,
    [...counts].map(([key, n]) => {
      const [regionCode, day] = key.split(' ') as [string, string];
      return { at: { regionCode, organisationId: null, departments: [], day }, counts: { registered: n } };
    }),
  );
}

/**
 * An active volunteer starts (sign 1) or stops counting for everyone and the given departments
 * (`departments` without everyone: only there): by registration day and latest service month.
 */
async function volunteerIn(
  trx: Transaction<DB>,
  volunteerId: string,
  departments: string[],
  sign: 1 | -1,
  everyone = true,
): Promise<void> {
  const v = await repo.volunteerForCounts(trx, volunteerId);
  if (v?.status !== 'active') return;
  const only = everyone ? {} : { onlyDepartments: true };
  const day = localDate(v.registered_at, await timeZoneOf(trx));
  await appendDelta(
    trx,
    { regionCode: v.region_code, organisationId: null, departments, day, ...only },
    { registered: sign },
  );
  const served = await repo.keptLastServed(trx, v.id);
  if (served !== null) {
    await appendDelta(
      trx,
      { regionCode: v.region_code, organisationId: null, departments, day: `${served}-01`, ...only },
      { last_served: sign },
    );
  }
}

/**
 * A membership became active (sign 1) or stopped being active (sign -1): the volunteer's count
 * of active memberships in each department of the organisation moves, and where it goes from
 * 0 to 1 (or 1 to 0) the volunteer starts (or stops) counting among that department's volunteers.
 */
export async function membershipCounted(
  trx: Transaction<DB>,
  m: { volunteer_id: string; organisation_id: string },
  sign: 1 | -1,
): Promise<void> {
  const changed: string[] = [];
  for (const department of await departmentsOf(trx, m.organisation_id)) {
    const before = await repo.membershipsIn(trx, m.volunteer_id, department);
    const after = Math.max(0, before + sign);
    if (after === before) continue;
    await repo.keepMembershipsIn(trx, { volunteer_id: m.volunteer_id, department_id: department }, before, after);
    if ((before === 0) !== (after === 0)) changed.push(department);
  }
  if (changed.length > 0) await volunteerIn(trx, m.volunteer_id, changed, sign, false);
}

/** A closing volunteer's memberships all end: after volunteerCounted(-1), forget their departments. */
export async function membershipsEnded(trx: Transaction<DB>, volunteerId: string): Promise<void> {
  await repo.forgetMemberships(trx, volunteerId);
}
