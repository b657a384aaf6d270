import type { PersonalDataCipher } from '../../crypto.js';
import type { Db } from '../../db/database.js';
import { RISKY_NEED_TYPES } from '../../../common/contract/needs.js';
import type { Actor } from '../../platform/access/policy.js';
import { nowIso } from '../../ids.js';
import { grantsOfUser } from '../../platform/access/access.repository.js';
import { userByUsername } from '../auth/index.js';
import { completeNeed, dispatchNeed, postNeed, rateNeed, reviewNeed, takeNeed } from '../needs/index.js';
import { userOfVolunteer } from './demo.repository.js';

const DAY = 86_400_000;

/** The demo person as an actor, with their grants, to walk a service as them. */
export async function actorOf(db: Db, userId: string | undefined, who: string): Promise<Actor> {
  if (!userId) throw new Error(`the demo has no ${who}`);
  return { userId, via: 'session', sessionId: null, csrfToken: null, grants: await grantsOfUser(db, userId) };
}

/**
 * A few residents' needs in 渝中区, walked through the needs service as the people involved, so
 * every page has something: one awaiting review (the region admin's and site manager's board),
 * one dispatched to the team admin's team (offered to the demo volunteer), one completed and
 * waiting for the resident's rating, one rated. Run after the demo's transaction (each step
 * is its own). Answers how many were posted.
 */
export async function insertDemoNeeds(
  db: Db,
  cipher: PersonalDataCipher,
  p: { regionCode: string; teamId: string; demoVolunteerId: string },
): Promise<number> {
  const ctx = { db, cipher };
  const resident = await actorOf(db, (await userByUsername(db, 'resident'))?.id, 'resident');
  const admin = await actorOf(db, (await userByUsername(db, 'region.admin'))?.id, 'region admin');
  const volunteer = await actorOf(db, await userOfVolunteer(db, p.demoVolunteerId), 'demo volunteer');
  const now = Date.parse(nowIso());
  const wanted = (days: number) => new Date(now + days * DAY).toISOString();
  const post = (type: string, text: string, address: string, days: number) =>
    postNeed(ctx, resident, {
      type,
      text,
      regionCode: p.regionCode,
      address,
      wantedAt: wanted(days),
      contactPhone: '13800000099',
      riskAccepted: RISKY_NEED_TYPES.has(type),
    });
  const toTeam = async (id: string) => {
    await reviewNeed(ctx, admin, id, { decision: 'accept' });
    await dispatchNeed(ctx, admin, id, { organisationId: p.teamId });
  };

  await post('elderly_care', '独居老人希望每周有人上门陪伴聊天、读报', '解放碑街道民族路 12 号 2 单元', 3);

  const offered = await post('repair', '楼道灯坏了一个月，老人晚上上下楼不方便', '七星岗街道中山一路 45 号', 2);
  await toTeam(offered.id);

  const done = await post('medical_escort', '需要陪同去医院复诊，子女在外地', '较场口街道和平路 8 号', 1);
  await toTeam(done.id);
  await takeNeed(ctx, volunteer, done.id);
  await completeNeed(ctx, volunteer, done.id, '陪同老人到医院完成复诊并取药，已送回家');

  const rated = await post('legal_aid', '想咨询赡养费纠纷怎么办', '大溪沟街道人和街 20 号', 1);
  await toTeam(rated.id);
  await takeNeed(ctx, volunteer, rated.id);
  await completeNeed(ctx, volunteer, rated.id, '联系社区法律服务站律师上门解答，已给出书面建议');
  await rateNeed(ctx, resident, rated.id, { score: 5, comment: '律师讲得很清楚，谢谢志愿者' });
  return 4;
}
