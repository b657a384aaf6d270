/**
 * One row of a service-record register (late records, source `import`): the volunteer by
 * volunteer code or ID number (found by the keyed hash registration stores), the activity by
 * title in the organisation named, the day and the hours, each problem named with its column;
 * then written through the records module (importRecord) as a late entry is: pending until a
 * second person confirms it, so hours, points and statistics move at that confirmation exactly
 * as for a hand-entered late record. An activity the organisation does not have refuses the
 * row: records hang on activities, and guessing one would put hours in the wrong place.
 */
import { LIMITS } from '../../../common/limits.js';
import { localDate } from '../../../common/zoned-time.js';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../platform/access/policy.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { activitiesTitled } from '../activities/index.js';
import { volunteerIdByCode } from '../organisations/index.js';
import { importRecord, liveRecordOn } from '../records/index.js';
import { volunteerIdByIdNumber } from '../volunteers/index.js';
import { organisationNames } from './imports.organisation-names.js';
import {
  choose,
  FirstRows,
  regionScope,
  RowReader,
  writeRow,
  type MappedRow,
  type RowHandler,
} from './imports.rows.js';
import { cleanString, idNumberText } from './read/normalise.js';
import { dateValue, hoursValue } from './read/normalise-time.js';

type Activity = Awaited<ReturnType<typeof activitiesTitled>>[number];

/**
 * The volunteer of a row: by code, by ID number, or by both when they agree. Problems go to
 * the reader; undefined when the row names nobody who is there.
 */
async function volunteerOf(
  ctx: Pick<AppContext, 'cipher'>,
  trx: Transaction<DB>,
  r: RowReader,
  row: MappedRow,
  now: Date,
): Promise<string | undefined> {
  const code = cleanString(row.cell('volunteerCode')?.text ?? '').toUpperCase();
  const idCell = idNumberText(row.cell('idNumber') ?? '');
  if (!code && !idCell.ok && idCell.reason === 'empty') {
    r.refuse(row.cell('volunteerCode') ? 'volunteerCode' : 'idNumber', 'volunteer_required');
    return undefined;
  }
  let byCode: string | undefined;
  if (code) {
    byCode = await volunteerIdByCode(trx, code);
    if (!byCode) r.refuse('volunteerCode', 'no_such_volunteer');
  }
  if (!idCell.ok) {
    if (idCell.reason === 'id_as_number') r.refuse('idNumber', 'id_as_number');
    return byCode;
  }
  const byId = await volunteerIdByIdNumber(ctx, trx, idCell.value, now);
  if (!byId.ok) r.refuse('idNumber', `id_${byId.problem}`);
  else if (!byId.volunteerId) r.refuse('idNumber', 'no_such_volunteer');
  else if (code && byCode && byCode !== byId.volunteerId) r.refuse('idNumber', 'volunteer_mismatch');
  else return byId.volunteerId;
  return undefined;
}

/** The handler of a record import by `actor`, import `importId`. */
export async function recordRows(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  actor: Actor,
  importId: string,
  now: Date,
): Promise<RowHandler> {
  const settings = await getSettings(db);
  const inScope = regionScope(actor);
  const orgs = organisationNames();
  const titled = new Map<string, Activity[]>();
  const firstRows = new FirstRows();
  const today = localDate(now.toISOString(), settings.timeZone);
  const step = Math.max(1, settings.hourStepMinutes);

  /** The organisation's activity of this title; several of one title are told apart by the day. */
  const activityOf = async (trx: Transaction<DB>, organisationId: string, title: string, day: string | null) => {
    const key = `${organisationId}\u0000${title}`;
    let found = titled.get(key);
    if (!found) {
      found = await activitiesTitled(trx, organisationId, title);
      if (titled.size >= 10_000) titled.clear();
      titled.set(key, found);
    }
    const local = (at: string) => localDate(at, settings.timeZone);
    return choose(found, (a) => !!day && local(a.first_start_at) <= day && day <= local(a.last_end_at));
  };

  return async (trx, row) => {
    const r = new RowReader(row);
    const volunteerId = await volunteerOf(ctx, trx, r, row, now);

    let organisationId = '';
    const orgText = r.text('organisation', { required: true, max: LIMITS.titleMax });
    if (orgText) {
      const found = await orgs.find(trx, orgText, (o) => inScope(trx, o.region_code));
      if (!found.ok)
        r.refuse('organisation', found.reason === 'none' ? 'no_such_organisation' : 'ambiguous_organisation');
      else if (!(await inScope(trx, found.value.region_code))) r.refuse('organisation', 'organisation_out_of_scope');
      else organisationId = found.value.id;
    }

    let day: string | null = null;
    const dayCell = row.cell('serviceDate');
    const dated = dateValue(dayCell ?? '');
    if (!dated.ok) r.refuse('serviceDate', dated.reason === 'empty' ? 'required' : 'bad_date');
    else if (dated.value > today) r.refuse('serviceDate', 'date_in_future');
    else day = dated.value;

    let minutes = 0;
    const hours = hoursValue(row.cell('hours') ?? '');
    if (!hours.ok) r.refuse('hours', hours.reason === 'empty' ? 'required' : hours.reason);
    else if (Math.floor(hours.value / step) === 0) r.refuse('hours', 'hours_below_step', { step });
    else minutes = hours.value;

    let activity: Activity | null = null;
    const title = r.text('activity', { required: true, max: LIMITS.titleMax });
    if (title && organisationId) {
      const found = await activityOf(trx, organisationId, title, day);
      if (!found.ok) r.refuse('activity', found.reason === 'none' ? 'no_such_activity' : 'ambiguous_activity');
      else activity = found.value;
    }
    const note = r.text('note', { required: false, max: LIMITS.textMax });
    if (!r.ok || !volunteerId || !activity || !day) return r.problems;

    // One record per volunteer, activity and day: a second is a duplicate (of a row of this
    // file, or of what is already recorded, by check-in or by hand).
    const key = `${volunteerId}\u0000${activity.id}\u0000${day}`;
    if (await liveRecordOn(trx, volunteerId, activity.id, day)) {
      return firstRows.duplicate(key, 'serviceDate', 'record_exists');
    }
    const problems = await writeRow(
      trx,
      () =>
        importRecord(trx, actor, {
          volunteerId,
          activityId: activity.id,
          serviceDate: day,
          minutes,
          content: note || activity.title,
          importId,
          row: row.row,
        }),
      {
        late_entry_in_future: { key: 'serviceDate', reason: 'date_in_future' },
        span_counts_no_time: { key: 'hours', reason: 'hours_below_step', params: { step } },
      },
    );
    if (problems.length === 0) firstRows.mark(key, row.row);
    return problems;
  };
}
