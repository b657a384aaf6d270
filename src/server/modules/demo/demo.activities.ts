import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import { volunteersExcept } from './demo.repository.js';
import { newId, nowIso } from '../../ids.js';
import { grantsOfUser } from '../../platform/access/access.repository.js';
import type { Actor } from '../../platform/access/policy.js';
import { insertActivity, insertShifts, addTaken } from '../activities/index.js';
import { userByUsername } from '../auth/index.js';
import { insertProject } from '../projects/index.js';
import { applyConfirm } from '../records/index.js';
import { insertRecord, recordById } from '../records/index.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { siteById } from '../sites/index.js';
import type { DB, SitesTable } from '../../db/schema.js';
import { insertSignup, nextSeq } from '../signups/index.js';
import type { DepartmentKey } from './demo.departments.js';
import type { DemoRandom } from './demo.random.js';
import type { DemoRegions } from './demo.regions.js';
import { HOME_DISTRICT, type DemoTeam } from './demo.teams.js';

/** 解放碑: the 渝中区 activities gather here, so "near me" in the city centre finds them. */
export const JIEFANGBEI = { lat: 29.5576, lng: 106.5774 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type ProjectKey = 'spring' | 'spring_elderly' | 'spring_children' | 'yangtze' | 'arts';

const PROJECTS: { key: ProjectKey; name: string; department: DepartmentKey; field: string; parent?: ProjectKey }[] = [
  { key: 'spring', name: '春风满巴渝', department: 'publicity', field: 'community' },
  { key: 'spring_elderly', name: '春风满巴渝·暖心敬老', department: 'publicity', field: 'elderly', parent: 'spring' },
  { key: 'spring_children', name: '春风满巴渝·护苗成长', department: 'publicity', field: 'children', parent: 'spring' },
  { key: 'yangtze', name: '共护美丽长江', department: 'ecology', field: 'ecology' },
  { key: 'arts', name: '艺起乡约', department: 'culture', field: 'culture' },
];

interface ActivityPlan {
  title: string;
  department: DepartmentKey;
  field: string;
  district: string;
  project?: ProjectKey;
  /** Days from today of its shifts; negative ones are past, with confirmed service. */
  days: number[];
  /** Held at the site manager's site (渝中区新时代文明实践中心), so its calendar has something on. */
  atSite?: boolean;
}

const ACTIVITIES: ActivityPlan[] = [
  {
    title: '解放碑步行街文明引导',
    department: 'publicity',
    field: 'community',
    district: HOME_DISTRICT,
    project: 'spring',
    days: [1, 3, 6],
  },
  {
    title: '嘉陵江滨江步道捡拾垃圾',
    department: 'ecology',
    field: 'ecology',
    district: HOME_DISTRICT,
    project: 'yangtze',
    days: [2, 9],
  },
  {
    title: '七星岗社区敬老探访',
    department: 'publicity',
    field: 'elderly',
    district: HOME_DISTRICT,
    project: 'spring_elderly',
    days: [4, 11],
  },
  { title: '洪崖洞景区游客咨询服务', department: 'culture', field: 'culture', district: HOME_DISTRICT, days: [5, 12] },
  {
    title: '社区应急救护培训',
    department: 'fire',
    field: 'emergency',
    district: HOME_DISTRICT,
    days: [7],
    atSite: true,
  },
  {
    title: '周末公益法律咨询',
    department: 'legal',
    field: 'legal',
    district: HOME_DISTRICT,
    days: [8, 13],
    atSite: true,
  },
  {
    title: '长江岸线生态巡护',
    department: 'ecology',
    field: 'ecology',
    district: '500108',
    project: 'yangtze',
    days: [3, 10],
  },
  { title: '科技馆小小讲解员陪伴', department: 'science', field: 'science', district: '500105', days: [2, 9] },
  {
    title: '留守儿童课业辅导',
    department: 'youth',
    field: 'children',
    district: '500106',
    project: 'spring_children',
    days: [5, 12],
  },
  {
    title: '乡村文艺汇演志愿服务',
    department: 'culture',
    field: 'culture',
    district: '500112',
    project: 'arts',
    days: [6],
  },
  { title: '社区义诊与健康宣教', department: 'health', field: 'health', district: '500107', days: [4, 14] },
  { title: '助残出行陪伴', department: 'disability', field: 'disability', district: '500107', days: [3, 10] },
  { title: '重庆北站春运旅客引导', department: 'youth', field: 'community', district: '500112', days: [1, 8] },
  { title: '消防安全进社区宣传', department: 'fire', field: 'emergency', district: '500112', days: [7, 14] },
  {
    title: '敬老院文艺陪伴',
    department: 'health',
    field: 'elderly',
    district: '500105',
    project: 'spring_elderly',
    days: [2, 11],
  },
  {
    title: '非遗剪纸乡村课堂',
    department: 'culture',
    field: 'culture',
    district: '500106',
    project: 'arts',
    days: [9],
  },
  // Past service: the demo volunteer and others have confirmed hours from these.
  {
    title: '长江岸线净滩行动',
    department: 'ecology',
    field: 'ecology',
    district: HOME_DISTRICT,
    project: 'yangtze',
    days: [-18],
  },
  { title: '解放碑垃圾分类宣传', department: 'ecology', field: 'ecology', district: HOME_DISTRICT, days: [-11] },
  {
    title: '社区理论宣讲进楼栋',
    department: 'publicity',
    field: 'publicity',
    district: HOME_DISTRICT,
    project: 'spring',
    days: [-6],
  },
  {
    title: '关爱空巢老人上门服务',
    department: 'publicity',
    field: 'elderly',
    district: HOME_DISTRICT,
    project: 'spring_elderly',
    days: [-3],
  },
];

/** An `atSite` activity takes the site's address and position; the others keep their own. */
function placeOf(a: ActivityPlan, site: SitesTable, own: { address: string; lat: number; lng: number }) {
  return a.atSite
    ? { site_id: site.id, address: site.address, lat: site.lat, lng: site.lng }
    : { site_id: null, ...own };
}

export interface DemoActivities {
  projects: number;
  activities: number;
  shifts: number;
  records: number;
  signups: number;
}

/** The organiser that demo records are confirmed by: the team admin (never the volunteer). */
async function organiser(db: Db): Promise<Actor> {
  const user = await userByUsername(db, 'team.admin');
  if (!user) throw new Error('the demo has no team admin');
  return { userId: user.id, via: 'session', sessionId: null, csrfToken: null, grants: await grantsOfUser(db, user.id) };
}

/**
 * Brand projects, ~20 published activities with shifts over the next two weeks, a few
 * past ones whose service records are confirmed through the records service (hours, star
 * level and points by the real earning path), and the demo volunteer's two sign-ups.
 */
export async function insertActivities(
  db: Transaction<DB>,
  rnd: DemoRandom,
  input: {
    regions: DemoRegions;
    teams: DemoTeam[];
    departments: Map<DepartmentKey, string>;
    demoVolunteerId: string;
    /** The site manager's site, where the `atSite` activities are held. */
    siteId: string;
  },
): Promise<DemoActivities> {
  const actor = await organiser(db);
  const site = await siteById(db, input.siteId);
  if (!site) throw new Error('the demo has no site for its site manager');
  const now = nowIso();
  const projectIds = new Map<ProjectKey, string>();
  for (const p of PROJECTS) {
    const id = newId();
    const department = input.departments.get(p.department);
    if (!department) throw new Error(`the demo has no ${p.department} department`);
    await insertProject(db, {
      id,
      name: p.name,
      department_id: department,
      field: p.field,
      parent_id: p.parent ? (projectIds.get(p.parent) ?? null) : null,
      description: `${p.name}：重庆市品牌志愿服务项目`,
      goals: '常态化开展志愿服务，打造群众身边的志愿服务品牌',
      created_at: now,
    });
    projectIds.set(p.key, id);
  }

  const today = Date.parse(`${now.slice(0, 10)}T00:00:00.000Z`);
  const others = await volunteersExcept(db, input.demoVolunteerId);
  const pastRecords: string[] = [];
  const futureShifts: { id: string; start: string; end: string }[] = [];
  let shiftCount = 0;
  for (const a of ACTIVITIES) {
    const district = input.regions.districts.get(a.district);
    if (!district) throw new Error(`demo district ${a.district} is missing`);
    const mine = input.teams.filter((t) => t.department === a.department);
    const team =
      mine.find((t) => t.level === 'district' && t.districtCode === a.district) ?? mine.find((t) => t.level === 'city');
    if (!team) throw new Error(`the demo has no ${a.department} team`);
    const home = a.district === HOME_DISTRICT;
    const centre = home ? JIEFANGBEI : district;
    const spread = home ? 0.004 : 0.02;
    // 09:00 or 14:00 in Chongqing (UTC+8), two to four hours.
    const startHour = rnd.next() < 0.5 ? 1 : 6;
    const hours = 2 + rnd.int(3);
    const shifts = a.days.map((d) => {
      const start = today + d * DAY + startHour * HOUR;
      return {
        id: newId(),
        start: new Date(start).toISOString(),
        end: new Date(start + hours * HOUR).toISOString(),
        capacity: 10 + rnd.int(41),
      };
    });
    const id = newId();
    const address = `重庆市${district.name}${home ? '解放碑' : ''}${['人民路', '民生路', '滨江路', '中山路'][rnd.int(4)]}${1 + rnd.int(200)}号`;
    await insertActivity(db, {
      id,
      organisation_id: team.id,
      project_id: a.project ? (projectIds.get(a.project) ?? null) : null,
      title: a.title,
      field: a.field,
      description: `${team.name}组织的${a.title}志愿服务活动，欢迎报名参加。`,
      region_code: a.district,
      ...placeOf(a, site, {
        address,
        lat: Number((centre.lat + rnd.jitter(spread)).toFixed(6)),
        lng: Number((centre.lng + rnd.jitter(spread)).toFixed(6)),
      }),
      radius_m: 500,
      requires_approval: 0,
      risky: 0,
      recurrence: null,
      status: 'published',
      created_by: actor.userId,
      created_at: now,
      published_at: now,
      cancelled_at: null,
      cancel_reason: null,
      first_start_at: shifts.map((s) => s.start).reduce((x, y) => (x < y ? x : y)),
      last_end_at: shifts.map((s) => s.end).reduce((x, y) => (x > y ? x : y)),
      // A made-up Chongqing landline per activity: the demo shows whom a signed-up volunteer calls.
      contact_name: '志愿服务联络员',
      contact_phone: `023-6300${String(ACTIVITIES.indexOf(a)).padStart(4, '0')}`,
    });
    await insertShifts(
      db,
      shifts.map((s) => ({
        id: s.id,
        activity_id: id,
        start_at: s.start,
        end_at: s.end,
        capacity: s.capacity,
        signup_deadline: null,
        min_age: null,
        max_age: null,
        required_qualifications: '[]',
        required_skills: '[]',
        people_served: null,
        closed_at: null,
        reminded_at: null,
      })),
    );
    shiftCount += shifts.length;
    const first = shifts[0];
    if (!first) continue;
    if (a.days[0] !== undefined && a.days[0] > 0) {
      if (home) futureShifts.push(...shifts);
      continue;
    }
    // A past activity: the demo volunteer and a handful of others served, self-reported.
    const served = [input.demoVolunteerId, ...rnd.sample(others, 5 + rnd.int(8))];
    for (const volunteerId of served) {
      const recordId = newId();
      await insertRecord(db, {
        id: recordId,
        volunteer_id: volunteerId,
        activity_id: id,
        shift_id: first.id,
        organisation_id: team.id,
        attendance_id: null,
        service_date: first.start.slice(0, 10),
        start_at: first.start,
        end_at: first.end,
        minutes: hours * 60,
        content: a.title,
        place: address,
        source: 'self',
        status: 'pending',
        evidence: null,
        recorded_by: null,
        approved_by: null,
        confirmed_at: null,
        revoked_by: null,
        revoked_at: null,
        revoke_reason: null,
        replaces_id: null,
        created_at: now,
      });
      pastRecords.push(recordId);
    }
  }

  // Confirmed through the records service: hours, star level, points, notices and audit.
  const settings = await getSettings(db);
  for (const id of pastRecords) {
    const record = await recordById(db, id);
    if (!record) throw new Error(`demo record ${id} vanished`);
    await applyConfirm(db, actor, record, settings);
  }

  // The demo volunteer has two upcoming shifts in 渝中区, approved.
  const chosen = futureShifts.slice(0, 2);
  for (const s of chosen) {
    await insertSignup(db, {
      id: newId(),
      shift_id: s.id,
      volunteer_id: input.demoVolunteerId,
      status: 'approved',
      seq: await nextSeq(db, s.id),
      created_at: now,
      decided_at: now,
      decided_by: null,
      reason: null,
      start_at: s.start,
      end_at: s.end,
    });
    await addTaken(db, s.id, 1);
  }
  return {
    projects: PROJECTS.length,
    activities: ACTIVITIES.length,
    shifts: shiftCount,
    records: pastRecords.length,
    signups: chosen.length,
  };
}
