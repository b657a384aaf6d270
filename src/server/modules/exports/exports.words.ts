/**
 * The words of the exported files, in the reader's language: files are written on the server,
 * so they cannot be worded by the web app. The Chinese headers are those the importer reads
 * (imports/read/columns.ts), so an exported sheet can be imported again.
 */
import type { Locale } from '../../../common/enums.js';

type Words = Record<string, Record<Locale, string>>;

export const HEADERS = {
  id: { 'zh-CN': '编号', en: 'Id' },
  volunteerCode: { 'zh-CN': '志愿者编号', en: 'Volunteer code' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  unitName: { 'zh-CN': '名称', en: 'Name' },
  idType: { 'zh-CN': '证件类型', en: 'ID type' },
  idNumber: { 'zh-CN': '证件号码', en: 'ID number' },
  birthYear: { 'zh-CN': '出生年份', en: 'Birth year' },
  gender: { 'zh-CN': '性别', en: 'Gender' },
  phone: { 'zh-CN': '手机号', en: 'Phone' },
  region: { 'zh-CN': '所属区域', en: 'Region' },
  regionCode: { 'zh-CN': '区域代码', en: 'Region code' },
  skills: { 'zh-CN': '技能', en: 'Skills' },
  fields: { 'zh-CN': '服务领域', en: 'Service fields' },
  status: { 'zh-CN': '状态', en: 'Status' },
  registeredAt: { 'zh-CN': '注册时间', en: 'Registered at' },
  hours: { 'zh-CN': '时长(小时)', en: 'Hours' },
  starLevel: { 'zh-CN': '星级', en: 'Star level' },
  pointsBalance: { 'zh-CN': '积分余额', en: 'Points balance' },
  kind: { 'zh-CN': '类型', en: 'Kind' },
  level: { 'zh-CN': '层级', en: 'Level' },
  parent: { 'zh-CN': '上级组织', en: 'Parent organisation' },
  department: { 'zh-CN': '主管部门', en: 'Department' },
  createdAt: { 'zh-CN': '创建时间', en: 'Created at' },
  address: { 'zh-CN': '地址', en: 'Address' },
  lng: { 'zh-CN': '经度', en: 'Longitude' },
  lat: { 'zh-CN': '纬度', en: 'Latitude' },
  managedBy: { 'zh-CN': '管理组织', en: 'Organisation' },
  openingHours: { 'zh-CN': '开放时间', en: 'Opening hours' },
  facilities: { 'zh-CN': '设施', en: 'Facilities' },
  recordId: { 'zh-CN': '记录编号', en: 'Record' },
  serviceDate: { 'zh-CN': '服务日期', en: 'Service date' },
  start: { 'zh-CN': '开始时间', en: 'Start' },
  end: { 'zh-CN': '结束时间', en: 'End' },
  organisation: { 'zh-CN': '组织名称', en: 'Organisation' },
  activity: { 'zh-CN': '活动名称', en: 'Activity' },
  field: { 'zh-CN': '服务领域', en: 'Service field' },
  source: { 'zh-CN': '来源', en: 'Source' },
  content: { 'zh-CN': '服务内容', en: 'Content' },
  at: { 'zh-CN': '时间', en: 'Time' },
  entryKind: { 'zh-CN': '类型', en: 'Kind' },
  amount: { 'zh-CN': '积分', en: 'Points' },
  balanceAfter: { 'zh-CN': '变动后余额', en: 'Balance after' },
  expiresAt: { 'zh-CN': '到期时间', en: 'Expires at' },
  memo: { 'zh-CN': '备注', en: 'Note' },
  transaction: { 'zh-CN': '交易编号', en: 'Transaction' },
} as const satisfies Words;
export type HeaderKey = keyof typeof HEADERS;

/** The worksheet of each kind. */
export const SHEETS = {
  volunteers: { 'zh-CN': '志愿者', en: 'Volunteers' },
  organisations: { 'zh-CN': '组织', en: 'Organisations' },
  sites: { 'zh-CN': '阵地', en: 'Sites' },
  records: { 'zh-CN': '服务记录', en: 'Records' },
  points: { 'zh-CN': '积分明细', en: 'Points' },
} as const satisfies Words;

/** Values of the enums a file shows, by enum and code; a code not listed is shown as is. */
const VALUES: Record<string, Words> = {
  idType: {
    resident_id: { 'zh-CN': '居民身份证', en: 'Resident ID' },
    passport: { 'zh-CN': '护照', en: 'Passport' },
    hk_macao_permit: { 'zh-CN': '港澳居民来往内地通行证', en: 'Hong Kong/Macao permit' },
    taiwan_permit: { 'zh-CN': '台湾居民来往大陆通行证', en: 'Taiwan permit' },
    foreign_permanent_id: { 'zh-CN': '外国人永久居留身份证', en: 'Foreign permanent residence ID' },
  },
  gender: { male: { 'zh-CN': '男', en: 'Male' }, female: { 'zh-CN': '女', en: 'Female' } },
  status: {
    active: { 'zh-CN': '正常', en: 'Active' },
    pending_guardian: { 'zh-CN': '待监护人同意', en: "Awaiting guardian's consent" },
    suspended: { 'zh-CN': '暂停', en: 'Suspended' },
    closed: { 'zh-CN': '已注销', en: 'Closed' },
    pending: { 'zh-CN': '待确认', en: 'Pending' },
    confirmed: { 'zh-CN': '已确认', en: 'Confirmed' },
    disputed: { 'zh-CN': '有异议', en: 'Disputed' },
    revoked: { 'zh-CN': '已撤销', en: 'Revoked' },
  },
  orgKind: {
    department: { 'zh-CN': '部门', en: 'Department' },
    organisation: { 'zh-CN': '志愿服务组织', en: 'Organisation' },
    team: { 'zh-CN': '志愿服务队', en: 'Team' },
  },
  orgLevel: {
    city: { 'zh-CN': '市级', en: 'City' },
    district: { 'zh-CN': '区县级', en: 'District' },
    town: { 'zh-CN': '镇街级', en: 'Town' },
    community: { 'zh-CN': '村社区级', en: 'Community' },
  },
  siteType: {
    guidance_centre: { 'zh-CN': '新时代文明实践中心', en: 'Guidance centre' },
    town_centre: { 'zh-CN': '新时代文明实践所', en: 'Town centre' },
    practice_point: { 'zh-CN': '新时代文明实践站', en: 'Practice point' },
    industry_base: { 'zh-CN': '行业实践基地', en: 'Industry base' },
    youth_home: { 'zh-CN': '青年之家', en: 'Youth home' },
    legal_station: { 'zh-CN': '法律服务站', en: 'Legal station' },
    supermarket: { 'zh-CN': '爱心超市', en: 'Points supermarket' },
    other: { 'zh-CN': '其他', en: 'Other' },
  },
  source: {
    self: { 'zh-CN': '本人签到', en: 'Self check-in' },
    organiser_scan: { 'zh-CN': '组织者扫码', en: 'Organiser scan' },
    hand: { 'zh-CN': '手工录入', en: 'By hand' },
    late: { 'zh-CN': '补录', en: 'Late entry' },
    import: { 'zh-CN': '导入', en: 'Import' },
  },
  entryKind: {
    earn: { 'zh-CN': '获得', en: 'Earned' },
    redeem: { 'zh-CN': '兑换', en: 'Redeemed' },
    expire: { 'zh-CN': '过期', en: 'Expired' },
    adjust: { 'zh-CN': '调整', en: 'Adjusted' },
    reverse: { 'zh-CN': '冲正', en: 'Reversed' },
  },
};

export type ValueSet = 'idType' | 'gender' | 'status' | 'orgKind' | 'orgLevel' | 'siteType' | 'source' | 'entryKind';

/** The word for an enum's code in `locale`, or the code itself. */
export function valueText(set: ValueSet, code: string | null, locale: Locale): string {
  if (code === null) return '';
  return VALUES[set]?.[code]?.[locale] ?? code;
}

/** A header in `locale`. */
export const header = (key: HeaderKey, locale: Locale): string => HEADERS[key][locale];
