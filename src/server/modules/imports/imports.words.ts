/**
 * The sentences of an import's reasons, in the reader's language: the error report is a file
 * written on the server, so it cannot be worded by the web app. Parameters fill `{name}`.
 */
import type { Locale } from '../../../common/enums.js';

const WORDS = {
  required: { 'zh-CN': '必填项为空', en: 'Required, but empty' },
  id_as_number: {
    'zh-CN': '证件号码被 Excel 存成了数字，后几位已丢失：请把该列设为“文本”后重新填写',
    en: 'Excel stored the ID number as a number and lost its last digits: format the column as text and type it again',
  },
  id_empty: { 'zh-CN': '证件号码为空', en: 'The ID number is empty' },
  id_length: { 'zh-CN': '居民身份证号码应为 18 位', en: 'A resident ID number has 18 characters' },
  id_format: {
    'zh-CN': '居民身份证号码应为 17 位数字加 1 位校验码（0–9 或 X）',
    en: 'A resident ID number is 17 digits and a check digit (0–9 or X)',
  },
  id_province: { 'zh-CN': '证件号码前两位不是省份代码', en: 'The first two digits are not a province code' },
  id_birth_date: { 'zh-CN': '证件号码中的出生日期不存在', en: 'The birth date in the number is not a real date' },
  id_birth_before_1900: {
    'zh-CN': '证件号码中的出生日期早于 1900 年',
    en: 'The birth date in the number is before 1900',
  },
  id_birth_in_future: { 'zh-CN': '证件号码中的出生日期在未来', en: 'The birth date in the number is in the future' },
  id_check_digit: { 'zh-CN': '证件号码校验位不正确', en: 'The check digit of the ID number is wrong' },
  id_document_format: {
    'zh-CN': '证件号码不符合该证件类型的格式',
    en: 'The number does not fit this kind of document',
  },
  bad_id_type: {
    'zh-CN': '证件类型应为：居民身份证、护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、外国人永久居留身份证',
    en: 'The kind of ID is one of: 居民身份证 (resident ID), 护照 (passport), the Hong Kong/Macao or Taiwan permit, the foreign permanent residence ID',
  },
  bad_phone: {
    'zh-CN': '手机号应为 11 位中国大陆手机号（13–19 开头）',
    en: 'The phone is a mainland mobile number: 11 digits starting with 13–19',
  },
  no_such_region: { 'zh-CN': '没有这个区域（填区域代码或全称）', en: 'No such region (give its code or full name)' },
  ambiguous_region: {
    'zh-CN': '有多个区域叫这个名字：请填区域代码或带上级的全称',
    en: 'Several regions have this name: give the code, or the full name with its district',
  },
  region_out_of_scope: { 'zh-CN': '该区域不在您的管辖范围内', en: 'This region is outside your scope' },
  unknown_field: { 'zh-CN': '没有这个服务领域：{value}', en: 'No such service field: {value}' },
  bad_date: {
    'zh-CN': '日期无法识别（可填 2026-03-05 或 2026年3月5日）',
    en: 'Not a date (write 2026-03-05 or 2026年3月5日)',
  },
  date_in_future: { 'zh-CN': '日期在未来', en: 'The date is in the future' },
  guardian_required: {
    'zh-CN': '未满 {age} 周岁，须由监护人同意后本人在线注册，不能导入',
    en: "Under {age}: registers online with a guardian's consent, not by import",
  },
  duplicate_in_file: { 'zh-CN': '与第 {row} 行的证件号码重复', en: 'The same ID number as row {row}' },
  id_registered: { 'zh-CN': '该证件号码已注册', en: 'This ID number is already registered' },
  phone_registered: { 'zh-CN': '该手机号已注册', en: 'This phone number is already registered' },
  too_long: { 'zh-CN': '内容过长（最多 {max} 个字符）', en: 'Too long (at most {max} characters)' },
  duplicate_row: { 'zh-CN': '与第 {row} 行重复', en: 'The same as row {row}' },
  // Organisations.
  bad_org_kind: {
    'zh-CN': '类型应为：部门、志愿服务组织、志愿服务队',
    en: 'The kind is one of: 部门 (department), 志愿服务组织 (organisation), 志愿服务队 (team)',
  },
  bad_org_level: {
    'zh-CN': '层级应为：市级、区县级、街镇级、村社级',
    en: 'The level is one of: 市级 (city), 区县级 (district), 街镇级 (town), 村社级 (community)',
  },
  no_such_organisation: {
    'zh-CN': '没有这个组织（填组织全称，或本文件前面各行导入的组织）',
    en: 'No such organisation (give its full name, or one imported in an earlier row of this file)',
  },
  ambiguous_organisation: {
    'zh-CN': '有多个组织叫这个名字：请填组织 ID',
    en: "Several organisations have this name: give the organisation's id",
  },
  organisation_out_of_scope: { 'zh-CN': '该组织不在您的管辖范围内', en: 'This organisation is outside your scope' },
  not_a_department: {
    'zh-CN': '主管部门须是类型为“部门”的组织',
    en: 'The supervising department must be an organisation of kind 部门 (department)',
  },
  region_outside_parent: {
    'zh-CN': '所属区域须在上级组织的区域之内',
    en: "The region must lie within the parent organisation's region",
  },
  organisation_exists: {
    'zh-CN': '同一上级组织下已有同名组织',
    en: 'An organisation of this name already exists under the same parent',
  },
  // Sites.
  bad_site_type: {
    'zh-CN':
      '类型应为：新时代文明实践中心、新时代文明实践所、新时代文明实践站、行业实践基地、青少年之家、法律服务站、积分超市、其他阵地',
    en: 'The type is one of: 新时代文明实践中心/所/站 (guidance centre, town centre, practice point), 行业实践基地 (industry base), 青少年之家 (youth home), 法律服务站 (legal station), 积分超市 (points supermarket), 其他阵地 (other)',
  },
  bad_longitude: {
    'zh-CN': '经度应为 -180 到 180 之间的数（经纬度是否填反了？）',
    en: 'The longitude is a number from -180 to 180 (are longitude and latitude swapped?)',
  },
  bad_latitude: {
    'zh-CN': '纬度应为 -90 到 90 之间的数（经纬度是否填反了？）',
    en: 'The latitude is a number from -90 to 90 (are longitude and latitude swapped?)',
  },
  coordinates_pair: { 'zh-CN': '经度和纬度须同时填写', en: 'Give both the longitude and the latitude, or neither' },
  coordinates_required: {
    'zh-CN': '未填经纬度，且该区域没有中心坐标：请填写经度和纬度',
    en: 'No longitude and latitude, and the region has no centre on record: give them',
  },
  site_exists: { 'zh-CN': '该区域已有同名阵地', en: 'A site of this name already exists in this region' },
  // Service records.
  volunteer_required: {
    'zh-CN': '须填写志愿者编号或证件号码',
    en: 'Give the volunteer code or the ID number',
  },
  no_such_volunteer: { 'zh-CN': '没有这个志愿者', en: 'No such volunteer' },
  volunteer_mismatch: {
    'zh-CN': '志愿者编号与证件号码不是同一个人',
    en: 'The volunteer code and the ID number belong to different people',
  },
  no_such_activity: {
    'zh-CN': '该组织没有这个名称的活动：请先在系统中创建活动，再导入服务记录',
    en: 'The organisation has no activity of this title: create the activity first, then import its records',
  },
  ambiguous_activity: {
    'zh-CN': '该组织有多个同名活动，无法按服务日期区分',
    en: 'The organisation has several activities of this title, and the service date does not tell them apart',
  },
  bad_hours: {
    'zh-CN': '时长无法识别（填小时数，如 2 或 1.5，也可填 90分钟）',
    en: 'Not a duration (write hours such as 2 or 1.5, or 90分钟)',
  },
  hours_out_of_range: { 'zh-CN': '时长须大于 0 且不超过 24 小时', en: 'Hours are more than 0 and at most 24' },
  hours_below_step: {
    'zh-CN': '按 {step} 分钟向下取整后时长为 0',
    en: 'Rounded down to steps of {step} minutes, nothing is left',
  },
  record_exists: {
    'zh-CN': '该志愿者当天已有这项活动的服务记录',
    en: 'The volunteer already has a record of this activity on this day',
  },
  other: { 'zh-CN': '无法导入：{message}', en: 'Cannot import: {message}' },
  // Why a whole import failed.
  missing_columns: { 'zh-CN': '缺少必填列：{columns}', en: 'Required columns are missing: {columns}' },
  unreadable: {
    'zh-CN': '文件无法读取：请上传 .xlsx 或 .csv 文件',
    en: 'The file cannot be read: upload an .xlsx or .csv file',
  },
  empty: { 'zh-CN': '文件中没有数据行', en: 'The file holds no data rows' },
  too_many_columns: { 'zh-CN': '文件的列数过多', en: 'The file has too many columns' },
  interrupted: { 'zh-CN': '导入中断：文件已不在服务器上', en: 'The import was interrupted and its file is gone' },
  out_of_memory: {
    'zh-CN': '导入所需内存超出上限而中止：已导入的行保留；请把文件拆小后导入其余的行',
    en: 'The import stopped: it needed more memory than an import may use. The rows already imported stay; split the file to import the rest',
  },
  thread_died: {
    'zh-CN': '导入意外中止：已导入的行保留；请重新导入其余的行',
    en: 'The import stopped unexpectedly. The rows already imported stay; import the rest again',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ImportReason = keyof typeof WORDS;

export const isImportReason = (s: string): s is ImportReason => Object.hasOwn(WORDS, s);

/** The reason's sentence in `locale`, with its parameters filled in. */
export function reasonText(reason: string, params: Record<string, string | number>, locale: Locale): string {
  const words = isImportReason(reason) ? WORDS[reason][locale] : WORDS.other[locale];
  return words.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? (k === 'message' ? reason : '')));
}

/** The headers of the report's columns. */
export const REPORT_LABELS: Record<Locale, { row: string; column: string; reason: string }> = {
  'zh-CN': { row: '行号', column: '列', reason: '原因' },
  en: { row: 'Row', column: 'Column', reason: 'Reason' },
};
