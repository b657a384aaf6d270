import type { PersonalDataCipher } from '../../crypto.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { userByUsername } from '../auth/index.js';
import { answerReport, routeReport, setRoutingRule, submitReport } from '../reports/index.js';
import { actorOf } from './demo.needs.js';
import { userOfVolunteer } from './demo.repository.js';

const HOUR = 3_600_000;

/**
 * Reports (随手拍) in 渝中区, walked through the reports service as the people involved: the
 * region admin's rules send water and air pollution there to the team admin's team; of four
 * reports, one waits for the team's answer, one the team has handled, one no rule covered
 * waits for the region admin, and one the region admin routed by hand. Run after the demo's
 * transaction (each step is its own). Answers how many were submitted.
 */
export async function insertDemoReports(
  db: Db,
  cipher: PersonalDataCipher,
  p: { regionCode: string; teamId: string; demoVolunteerId: string },
): Promise<number> {
  const ctx = { db, cipher };
  const admin = await actorOf(db, (await userByUsername(db, 'region.admin'))?.id, 'region admin');
  const teamAdmin = await actorOf(db, (await userByUsername(db, 'team.admin'))?.id, 'team admin');
  const resident = await actorOf(db, (await userByUsername(db, 'resident'))?.id, 'resident');
  const volunteer = await actorOf(db, await userOfVolunteer(db, p.demoVolunteerId), 'demo volunteer');
  for (const category of ['water', 'air_pollution'] as const) {
    await setRoutingRule(db, admin, { regionCode: p.regionCode, category, organisationId: p.teamId });
  }
  const now = Date.parse(nowIso());
  const report = (
    who: typeof resident,
    category: 'water' | 'air_pollution' | 'sanitation' | 'civility',
    text: string,
    hoursAgo: number,
  ) =>
    submitReport(ctx, who, {
      category,
      text,
      regionCode: p.regionCode,
      observedAt: new Date(now - hoursAgo * HOUR).toISOString(),
      photoIds: [],
    });

  await report(resident, 'water', '嘉陵江边排水口有黑水流出，气味很重', 3);
  const handled = await report(volunteer, 'air_pollution', '较场口附近工地晚上焚烧垃圾，烟很大', 26);
  await answerReport(ctx, teamAdmin, handled.id, {
    outcome: 'handled',
    note: '已联系街道和城管到场制止，工地已清理焚烧点并承诺不再焚烧',
  });
  await report(resident, 'sanitation', '七星岗公交站旁的垃圾桶满了两天没人清运', 5);
  const byHand = await report(volunteer, 'civility', '解放碑步行街有共享单车乱停，挡住了盲道', 8);
  await routeReport(ctx, admin, byHand.id, p.teamId);
  return 4;
}
