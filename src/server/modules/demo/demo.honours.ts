import type { Transaction } from 'kysely';
import type { HonourLevel, HonourSubjectKind } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';
import { userByUsername } from '../auth/index.js';
import { insertHonour } from '../honours/index.js';
import { earnForHonour } from '../points/index.js';
import { projectIdByName } from './demo.repository.js';

interface DemoHonour {
  kind: HonourSubjectKind;
  /** A project's name, 'home-team', or 'demo-volunteer'. */
  subject: string;
  name: string;
  level: HonourLevel;
  year: number;
  issuer: string;
}

/** A few honours to see on the portal and the Me page; years are before the year the demo loads in. */
const HONOURS: DemoHonour[] = [
  {
    kind: 'project',
    subject: '春风满巴渝',
    name: '全国志愿服务优秀项目',
    level: 'national',
    year: -2,
    issuer: '中央文明办',
  },
  {
    kind: 'project',
    subject: '春风满巴渝',
    name: '重庆市最佳志愿服务项目',
    level: 'city',
    year: -3,
    issuer: '重庆市文明办',
  },
  {
    kind: 'project',
    subject: '共护美丽长江',
    name: '重庆市优秀志愿服务项目',
    level: 'city',
    year: -1,
    issuer: '重庆市文明办',
  },
  {
    kind: 'organisation',
    subject: 'home-team',
    name: '渝中区优秀志愿服务组织',
    level: 'district',
    year: -1,
    issuer: '渝中区文明办',
  },
  {
    kind: 'volunteer',
    subject: 'demo-volunteer',
    name: '解放碑街道优秀志愿者',
    level: 'street',
    year: -1,
    issuer: '解放碑街道办事处',
  },
];

/**
 * The demo's honours, recorded by the region admin; the demo volunteer's earns its points
 * through the city rule as a recorded one would.
 */
export async function insertDemoHonours(
  db: Transaction<DB>,
  input: { homeTeam: { id: string; regionCode: string }; demoVolunteer: { id: string; regionCode: string } },
): Promise<number> {
  const admin = await userByUsername(db, 'region.admin');
  if (!admin) throw new Error('the demo has no region admin to record honours');
  const thisYear = Number(nowIso().slice(0, 4));
  for (const h of HONOURS) {
    const subject =
      h.kind === 'project'
        ? await projectIdByName(db, h.subject)
        : h.kind === 'organisation'
          ? input.homeTeam
          : input.demoVolunteer;
    if (!subject) throw new Error(`the demo has no ${h.kind} ${h.subject}`);
    const id = newId();
    await insertHonour(db, {
      id,
      subject_kind: h.kind,
      subject_id: subject.id,
      region_code: subject.regionCode,
      name: h.name,
      level: h.level,
      year: thisYear + h.year,
      issuer: h.issuer,
      recorded_by: admin.id,
      recorded_at: nowIso(),
    });
    if (h.kind === 'volunteer') {
      await earnForHonour(db, {
        honourId: id,
        volunteerId: subject.id,
        regionCode: subject.regionCode,
        level: h.level,
        name: h.name,
        actorUserId: admin.id,
      });
    }
  }
  return HONOURS.length;
}
