import type { SiteType } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import { insertSite } from '../sites/index.js';
import type { DepartmentKey } from './demo.departments.js';
import type { DemoRandom } from './demo.random.js';
import type { DemoDistrict, DemoRegions } from './demo.regions.js';
import { HOME_DISTRICT, type DemoTeam } from './demo.teams.js';

export interface DemoSite {
  id: string;
  name: string;
  type: SiteType;
  regionCode: string;
  districtCode: string;
}

interface SitePlan {
  name: string;
  type: SiteType;
  district: DemoDistrict;
  town?: { code: string; name: string };
  /** The department whose nearest team manages the site. */
  department: DepartmentKey;
  facilities: string[];
}

const ROADS = ['人民路', '解放路', '民生路', '建设路', '新华路', '和平路', '滨江路', '文化路', '学府大道', '中山路'];
// Within ~3 km of the district centre: near enough to stay inside even a small district.
const SPREAD = 0.03;

/** Where each kind of town-level site goes: the first towns of these districts. */
const TOWN_SITES: { type: SiteType; suffix: string; department: DepartmentKey; districts: string[] }[] = [
  {
    type: 'town_centre',
    suffix: '新时代文明实践所',
    department: 'publicity',
    districts: [HOME_DISTRICT, '500105', '500106', '500108'],
  },
  {
    type: 'practice_point',
    suffix: '滨江社区新时代文明实践站',
    department: 'publicity',
    districts: [HOME_DISTRICT, '500107', '500112', '500101'],
  },
  { type: 'youth_home', suffix: '青少年之家', department: 'youth', districts: [HOME_DISTRICT, '500106', '500109'] },
  {
    type: 'legal_station',
    suffix: '公共法律服务工作站',
    department: 'legal',
    districts: [HOME_DISTRICT, '500112', '500102'],
  },
  {
    type: 'supermarket',
    suffix: '积分超市',
    department: 'publicity',
    districts: [HOME_DISTRICT, '500105', '500107', '500118', '500114'],
  },
];

const BASES: { name: string; district: string; department: DepartmentKey }[] = [
  { name: '重庆科技馆科普教育基地', district: '500105', department: 'science' },
  { name: '长江生态环境保护志愿服务基地', district: '500108', department: 'ecology' },
  { name: '重庆市消防科普教育基地', district: '500112', department: 'fire' },
  { name: '重庆市残疾人就业创业孵化基地', district: '500107', department: 'disability' },
];

const OTHERS: { name: string; district: string; department: DepartmentKey }[] = [
  { name: '解放碑志愿服务驿站', district: HOME_DISTRICT, department: 'publicity' },
  { name: '重庆北站志愿服务站', district: '500112', department: 'youth' },
  { name: '两江新区志愿服务驿站', district: '500X01', department: 'publicity' },
];

/** The sites of the demo, one of every site type, as plans before they get ids and places. */
function plans(regions: DemoRegions): SitePlan[] {
  const district = (code: string): DemoDistrict => {
    const d = regions.districts.get(code);
    if (!d) throw new Error(`demo district ${code} is missing`);
    return d;
  };
  const out: SitePlan[] = [];
  // One guidance centre per district-level unit, as the city has (41).
  for (const d of regions.districts.values()) {
    out.push({
      name: `${d.name}新时代文明实践中心`,
      type: 'guidance_centre',
      district: d,
      department: 'publicity',
      facilities: ['多功能厅', '志愿者之家', '无障碍通道'],
    });
  }
  for (const spec of TOWN_SITES) {
    for (const code of spec.districts) {
      const d = district(code);
      for (const town of d.towns.slice(0, 2)) {
        out.push({
          name: `${town.name}${spec.suffix}`,
          type: spec.type,
          district: d,
          town,
          department: spec.department,
          facilities: spec.type === 'supermarket' ? ['兑换柜台', '货架'] : ['活动室'],
        });
      }
    }
  }
  for (const b of BASES) {
    const facilities = ['展厅', '培训室'];
    out.push({
      name: b.name,
      type: 'industry_base',
      district: district(b.district),
      department: b.department,
      facilities,
    });
  }
  for (const o of OTHERS) {
    const facilities = ['饮水', '充电', '急救箱'];
    out.push({ name: o.name, type: 'other', district: district(o.district), department: o.department, facilities });
  }
  return out;
}

/** The team of `department` closest to a place: its town team, else district team, else city team. */
function managingTeam(teams: DemoTeam[], department: DepartmentKey, district: string, town?: string): string | null {
  const mine = teams.filter((t) => t.department === department);
  const found =
    (town && mine.find((t) => t.level === 'town' && t.regionCode === town)) ||
    mine.find((t) => t.level === 'district' && t.districtCode === district) ||
    mine.find((t) => t.level === 'city');
  return found?.id ?? null;
}

/** Inserts every demo site near its district's centre, with an address in Chinese. */
export async function insertSites(
  db: Db,
  rnd: DemoRandom,
  regions: DemoRegions,
  teams: DemoTeam[],
): Promise<DemoSite[]> {
  const sites: DemoSite[] = [];
  for (const p of plans(regions)) {
    const regionCode = p.town?.code ?? p.district.code;
    const street = `${rnd.pick(ROADS)}${1 + rnd.int(300)}号`;
    const address = `重庆市${p.district.name}${p.town?.name ?? ''}${street}`;
    const id = await insertSite(db, {
      name: p.name,
      type: p.type,
      regionCode,
      address,
      lat: Number((p.district.lat + rnd.jitter(SPREAD)).toFixed(6)),
      lng: Number((p.district.lng + rnd.jitter(SPREAD)).toFixed(6)),
      organisationId: managingTeam(teams, p.department, p.district.code, p.town?.code),
      openingHours: p.type === 'supermarket' ? '周二至周日 09:00-17:00' : '周一至周日 09:00-18:00',
      facilities: p.facilities,
      accessibility: '无障碍坡道、无障碍卫生间',
    });
    sites.push({ id, name: p.name, type: p.type, regionCode, districtCode: p.district.code });
  }
  return sites;
}
