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
