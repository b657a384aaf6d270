/**
 * The columns each import kind understands, as data: the first header is the Chinese name
 * the template carries, then English names and the synonyms found in real files. Matching
 * rules (case, spaces, `*`, notes in brackets) are in headers.ts, so names are listed once.
 */
import type { ColumnSpec } from './headers.js';

export const IMPORT_KINDS = ['volunteers', 'organisations', 'sites', 'records'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const col = (key: string, required: boolean, ...headers: string[]): ColumnSpec => ({ key, headers, required });

/** A column that is one of a group: the file needs at least one column of the group. */
const either = (key: string, group: string, ...headers: string[]): ColumnSpec => ({
  key,
  headers,
  required: false,
  oneOf: group,
});

const REGION = ['所属区域', '区域', '所属区县', 'region'];
const FIELDS = ['服务领域', '服务类别', 'fields', 'service fields'];

export const COLUMN_SPECS: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  volunteers: [
    col('name', true, '姓名', '名字', 'name', 'full name'),
    col('idType', true, '证件类型', 'id type'),
    col('idNumber', true, '证件号码', '证件号', '身份证号', '身份证号码', 'id number', 'id no'),
    col('phone', true, '手机号', '手机号码', '联系电话', '手机', '电话', 'phone', 'mobile'),
    col('region', true, ...REGION, '区域代码', 'region code'),
    col('skills', false, '技能', '特长', 'skills'),
    col('fields', false, ...FIELDS),
    col('registeredAt', false, '注册时间', '注册日期', 'registered at', 'registration date'),
  ],
  organisations: [
    col('name', true, '名称', '组织名称', 'name', 'organisation name', 'organization name'),
    col('kind', true, '类型', '组织类型', 'kind', 'type'),
    col('level', true, '层级', '组织层级', 'level'),
    col('region', true, ...REGION),
    col('parent', false, '上级组织', '上级', 'parent', 'parent organisation'),
    col('department', false, '主管部门', 'department'),
    col('fields', false, ...FIELDS),
  ],
  sites: [
    col('name', true, '名称', '阵地名称', 'name', 'site name'),
    col('type', true, '类型', '阵地类型', 'type', 'site type'),
    col('region', true, ...REGION),
    col('address', true, '地址', '详细地址', 'address'),
    col('lng', false, '经度', 'lng', 'lon', 'longitude'),
    col('lat', false, '纬度', 'lat', 'latitude'),
    col('organisation', false, '管理组织', '组织名称', 'organisation', 'organization'),
    col('openingHours', false, '开放时间', 'opening hours'),
  ],
  records: [
    either('volunteerCode', 'volunteer', '志愿者编号', '志愿者编码', 'volunteer code', 'volunteer no'),
    either('idNumber', 'volunteer', '证件号码', '证件号', '身份证号', '身份证号码', 'id number', 'id no'),
    col('activity', true, '活动名称', '活动', 'activity', 'activity name'),
    col('serviceDate', true, '服务日期', '日期', 'service date', 'date'),
    // A header naming another unit, "时长(分钟)", matches none of these: see headers.ts.
    col('hours', true, '时长(小时)', '服务时长', '服务时长(小时)', '时长(h)', '志愿服务时长', 'hours', 'service hours'),
    col('organisation', true, '组织名称', '组织', 'organisation', 'organization'),
    col('note', false, '备注', 'note', 'remarks'),
  ],
};

/**
 * The header row of the downloadable template: each column's first (Chinese) name, with `*`
 * after the required ones ("姓名*"). Columns of a one-of group carry no `*`, since neither is
 * required on its own; the template's instructions have to say that one of them is needed.
 */
export function templateHeaders(kind: ImportKind): string[] {
  return COLUMN_SPECS[kind].map((c) => `${c.headers[0] ?? c.key}${c.required ? '*' : ''}`);
}
