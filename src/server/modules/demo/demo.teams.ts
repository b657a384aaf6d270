import type { Db } from '../../db/database.js';
import { insertOrganisation } from '../organisations/index.js';
import { DEPARTMENTS, type DepartmentKey } from './demo.departments.js';
import type { DemoRegions } from './demo.regions.js';

export interface DemoTeam {
  id: string;
  name: string;
  level: 'city' | 'district' | 'town' | 'community';
  regionCode: string;
  /** The district-level unit the team works in (500000 for city teams). */
  districtCode: string;
  department: DepartmentKey;
}

/** 渝中区 has teams of every department, so its region admin and team admin see full trees. */
export const HOME_DISTRICT = '500103';

// Districts that get teams besides 渝中区; each department takes three of them in turn.
const DISTRICT_POOL = [
  '500105',
  '500106',
  '500107',
  '500108',
  '500112',
  '500109',
  '500101',
  '500102',
  '500118',
  '500114',
  '500113',
  '500116',
];
const TOWNS_PER_DISTRICT = 2;
const COMMUNITIES = ['滨江社区', '朝阳社区', '民主社区', '新华社区', '和平社区', '长江社区'];

/**
 * Team trees under every department: a city team, district teams, grassroots teams in
 * towns and streets — and, for ecology, community squads as a fourth level (ecology alone
 * has four levels in Chongqing). Every team names its department as supervisor and hangs under
 * it, so a department admin's scope covers its teams.
 */
export async function insertTeams(
  db: Db,
  regions: DemoRegions,
  departments: Map<DepartmentKey, string>,
): Promise<DemoTeam[]> {
  const teams: DemoTeam[] = [];
  for (const [i, d] of DEPARTMENTS.entries()) {
    const departmentId = departments.get(d.key);
    if (!departmentId) throw new Error(`department ${d.key} is missing`);
    const add = async (t: Omit<DemoTeam, 'id' | 'department'>, parentId: string): Promise<string> => {
      const id = await insertOrganisation(db, {
        name: t.name,
        kind: 'team',
        level: t.level,
        regionCode: t.regionCode,
        parentId,
        departmentId,
        fields: [...d.fields],
      });
      teams.push({ ...t, id, department: d.key });
      return id;
    };
    const cityTeam = await add(
      { name: `重庆市${d.team}总队`, level: 'city', regionCode: '500000', districtCode: '500000' },
      departmentId,
    );
    const others = [0, 1, 2].map((j) => DISTRICT_POOL[(i * 3 + j) % DISTRICT_POOL.length] ?? HOME_DISTRICT);
    const districts = [HOME_DISTRICT, ...others];
    for (const code of districts) {
      const district = regions.districts.get(code);
      if (!district) throw new Error(`demo district ${code} is missing`);
      const districtTeam = await add(
        {
          name: `${district.name}${d.team}大队`,
          level: 'district',
          regionCode: district.code,
          districtCode: district.code,
        },
        cityTeam,
      );
      for (const town of district.towns.slice(0, TOWNS_PER_DISTRICT)) {
        const townTeam = await add(
          { name: `${town.name}${d.team}队`, level: 'town', regionCode: town.code, districtCode: district.code },
          districtTeam,
        );
        if (d.key !== 'ecology') continue;
        for (const community of COMMUNITIES.slice(0, 2)) {
          await add(
            {
              name: `${town.name}${community}生态环保志愿服务小队`,
              level: 'community',
              regionCode: town.code,
              districtCode: district.code,
            },
            townTeam,
          );
        }
      }
    }
  }
  return teams;
}
