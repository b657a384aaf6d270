// Raw limit: the check-in transaction (lock the volunteer, check the open attendance and the
// day's pairs and overlaps, insert the attendance, mark the sign-up attended) called
// in-process through the same code and driver the server uses, with no HTTP, auth or
// look-ups around it, 16 at a time (PostgreSQL on 16 connections; SQLite's one writer runs
// them in turn and commits those of the same moment together).
import { checkinScene } from '../../test/load-scenes.js';
import { getSettings } from '../../src/server/platform/settings/settings.service.js';
import { openAttendance } from '../../src/server/modules/checkin/attendance.core.js';
import { shiftFacts } from '../../src/server/modules/checkin/checkin.repository.js';
import { openBenchDatabase } from '../lib/data.js';

export async function checkinTransactionRate(url: string, volunteers: number): Promise<number> {
  const { database, app } = await openBenchDatabase(url, { poolSize: 16 });
  try {
    const scene = await checkinScene(app, volunteers);
    const db = database.db;
    const shift = await shiftFacts(db, scene.shiftId);
    if (!shift) throw new Error('no shift');
    const settings = await getSettings(db);
    const signups = await db
      .selectFrom('signups')
      .select(['id', 'volunteer_id'])
      .where('shift_id', '=', scene.shiftId)
      .execute();
    const parallel = 16;
    let next = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (next < signups.length) {
        const s = signups[next++];
        if (!s) break;
        const r = await openAttendance(db, {
          shift,
          volunteerId: s.volunteer_id,
          signupId: s.id,
          at: new Date().toISOString(),
          method: 'self_scan',
          position: { lat: shift.lat, lng: shift.lng, accuracyM: 10 },
          flags: [],
          reason: null,
          recordedBy: null,
          settings,
        });
        if (!r.created) throw new Error('a check-in was not new');
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return signups.length / ((performance.now() - t0) / 1000);
  } finally {
    await database.close();
  }
}
