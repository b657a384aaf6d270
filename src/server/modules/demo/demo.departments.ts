import type { Db } from '../../db/database.js';
import { insertOrganisation } from '../organisations/index.js';

/**
 * The nine city departments that lead their own fields in Chongqing's "渝善渝美" action,
 * each with the words its teams are named with.
 */
export const DEPARTMENTS = [
  {
    key: 'publicity',
    name: '市委宣传部',
    fullName: '中共重庆市委宣传部',
    fields: ['publicity', 'culture', 'community'],
    team: '新时代文明实践志愿服务',
  },
  { key: 'ecology', name: '市生态环境局', fullName: '重庆市生态环境局', fields: ['ecology'], team: '生态环境志愿服务' },
  { key: 'legal', name: '市司法局', fullName: '重庆市司法局', fields: ['legal'], team: '法治宣传志愿服务' },
  { key: 'science', name: '市科协', fullName: '重庆市科学技术协会', fields: ['science'], team: '科技志愿服务' },
  { key: 'fire', name: '市消防救援局', fullName: '重庆市消防救援局', fields: ['emergency'], team: '消防志愿服务' },
  {
    key: 'culture',
    name: '市文化旅游委',
    fullName: '重庆市文化和旅游发展委员会',
    fields: ['culture'],
    team: '文化和旅游志愿服务',
  },
  {
    key: 'health',
    name: '市卫生健康委',
    fullName: '重庆市卫生健康委员会',
    fields: ['health', 'elderly'],
    team: '卫生健康志愿服务',
  },
  {
    key: 'youth',
    name: '团市委',
    fullName: '共青团重庆市委员会',
    fields: ['children', 'community'],
    team: '青年志愿服务',
  },
  { key: 'disability', name: '市残联', fullName: '重庆市残疾人联合会', fields: ['disability'], team: '助残志愿服务' },
] as const;

export type DepartmentKey = (typeof DEPARTMENTS)[number]['key'];
export type Department = (typeof DEPARTMENTS)[number];

/** Inserts the departments at city level in 重庆市; answers their ids by key. */
export async function insertDepartments(db: Db): Promise<Map<DepartmentKey, string>> {
  const ids = new Map<DepartmentKey, string>();
  for (const d of DEPARTMENTS) {
    const id = await insertOrganisation(db, {
      name: d.name,
      kind: 'department',
      level: 'city',
      regionCode: '500000',
      parentId: null,
      departmentId: null,
      fields: [...d.fields],
      description: `${d.fullName}：牵头全市${d.team}工作`,
    });
    ids.set(d.key, id);
  }
  return ids;
}

/**
 * Two volunteer organisations that are not teams of a department, so every organisation
 * kind appears in the demo.
 */
export async function insertVolunteerOrganisations(db: Db, departments: Map<DepartmentKey, string>): Promise<void> {
  const publicity = departments.get('publicity') ?? null;
  const city = await insertOrganisation(db, {
    name: '重庆市志愿服务联合会',
    kind: 'organisation',
    level: 'city',
    regionCode: '500000',
    parentId: null,
    departmentId: publicity,
    fields: ['publicity', 'community', 'elderly', 'children'],
    description: '全市志愿服务组织的枢纽型社会组织',
  });
  await insertOrganisation(db, {
    name: '渝中区志愿服务联合会',
    kind: 'organisation',
    level: 'district',
    regionCode: '500103',
    parentId: city,
    departmentId: publicity,
    fields: ['community', 'elderly'],
    description: '渝中区志愿服务组织的枢纽型社会组织',
  });
}
