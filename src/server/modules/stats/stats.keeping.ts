/**
 * Statistics kept as they happen: each function is called inside the transaction that changes
 * what it counts (a record confirmed or revoked, a redemption made or reversed, a volunteer
 * registered, moved or closed, a site or team opened, a shift's people served), and appends
 * what changed to stats_deltas at the event's own region and local day, once for everyone
 * (department '') and once per department the organisation lies under. Appending never waits
 * for another transaction; readers add the pending rows to the folded ones (stats.fold.repository.ts),
 * so a figure is exact the moment its transaction commits. Appending: stats.deltas.ts;
 * volunteers and memberships: stats.people.ts.
 */
import type { Transaction } from 'kysely';
import { localDate } from '../../../common/zoned-time.js';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { appendDelta, departmentsOf, timeZoneOf } from './stats.deltas.js';
import { moveLastServed } from './stats.people.js';
import * as repo from './stats.keeping.repository.js';

/** What the statistics need of a service record. */
export interface CountedRecord {
  volunteer_id: string;
  activity_id: string;
  shift_id: string | null;
  organisation_id: string;
  service_date: string;
  minutes: number;
}

/**
 * A record was confirmed (sign 1, after its status changed and its points were earned) or a
 * confirmed one revoked (sign -1, `points` what the revocation took back). One participation,
 * its minutes and points at its service day and the activity's region and field; its shift
 * becomes a session with its first confirmed record and stops being one with its last (a
 * record without a shift is a session of its own); the volunteer's latest service may move.
 */
export async function recordCounted(
  trx: Transaction<DB>,
  record: CountedRecord,
  sign: 1 | -1,
  points: number,
): Promise<void> {
  const a = await repo.activityPlace(trx, record.activity_id);
  if (!a) return;
  const place = { regionCode: a.region_code, field: a.field, projectId: a.project_id };
  await appendDelta(
    trx,
    { ...place, organisationId: record.organisation_id, day: record.service_date.slice(0, 10) },
    {
      participations: sign,
      minutes: sign * record.minutes,
      points_issued: sign * points,
      ...(record.shift_id ? {} : { sessions: sign }),
    },
  );
  if (record.shift_id) {
    const left = await repo.confirmedOfShift(trx, record.shift_id);
    if ((sign === 1 && left === 1) || (sign === -1 && left === 0)) {
      const shift = await repo.shiftFacts(trx, record.shift_id);
      if (shift) {
        await appendDelta(
          trx,
          { ...place, organisationId: a.organisation_id, day: localDate(shift.start_at, await timeZoneOf(trx)) },
          { sessions: sign, people_served: sign * (shift.people_served ?? 0) },
        );
      }
    }
  }
  await moveLastServed(trx, record.volunteer_id, sign === 1 ? record.service_date.slice(0, 7) : null);
}

/**
 * The people served of a shift changed by `delta`: if the shift is a session (it has a
 * confirmed record), its figure moves with it.
 */
export async function peopleServedChanged(trx: Transaction<DB>, shiftId: string, delta: number): Promise<void> {
  if (delta === 0 || (await repo.confirmedOfShift(trx, shiftId)) === 0) return;
  const row = await repo.shiftPlace(trx, shiftId);
  if (!row) return;
  await appendDelta(
    trx,
    {
      regionCode: row.region_code,
      organisationId: row.organisation_id,
      day: localDate(row.start_at, await timeZoneOf(trx)),
      field: row.field,
      projectId: row.project_id,
    },
    { people_served: delta },
  );
}

/** A redemption was made (sign 1) or reversed or voided (sign -1): its points at its supermarket's region and day. */
export async function redemptionCounted(
  trx: Transaction<DB>,
  r: { site_id: string; created_at: string; points: number },
  sign: 1 | -1,
): Promise<void> {
  const site = await repo.sitePlace(trx, r.site_id);
  if (!site) return;
  await appendDelta(
    trx,
    {
      regionCode: site.region_code,
      organisationId: site.organisation_id,
      day: localDate(r.created_at, await timeZoneOf(trx)),
    },
    { points_redeemed: sign * r.points },
  );
}

/**
 * Points a region's system account gave a volunteer outside a record (an adjustment, an
 * honour's bonus; negative: what an adjustment or a reversal took back), at that region on
 * the local day they were first given, for everyone (no organisation gave them).
 */
export async function pointsGranted(
  trx: Db,
  at: { regionCode: string; givenAt: string },
  points: number,
): Promise<void> {
  await appendDelta(
    trx,
    { regionCode: at.regionCode, organisationId: null, day: localDate(at.givenAt, await timeZoneOf(trx)) },
    { points_issued: points },
  );
}

/**
 * Something that exists now appeared (sign 1) or went (sign -1): an active site ('site:<type>')
 * or team ('team:<level>'), counted at its region and every ancestor, for everyone and for each
 * department. Rare, so it updates the counters in place.
 */
export async function stockCounted(
  trx: Db,
  at: { regionCode: string; organisationId: string | null; kind: string },
  sign: 1 | -1,
): Promise<void> {
  const departments = at.organisationId ? await departmentsOf(trx, at.organisationId) : [];
  const regions = await repo.regionAndAncestors(trx, at.regionCode);
  const rows = regions.flatMap((region) =>
    ['', ...departments].map((department) => ({
      region_code: region,
      department_id: department,
      kind: at.kind,
      n: sign,
    })),
  );
  rows.sort((x, y) => x.region_code.localeCompare(y.region_code) || x.department_id.localeCompare(y.department_id));
  await repo.addStock(trx, rows);
}
