import type { ReportCategory, ReportStatus } from '../../../common/contract/reports.js';
import type { Locale } from '../../../common/enums.js';

/** Who is told what at each step of a report (随手拍). */
export type ReportNoticeStep =
  /** To the region admins: no rule routes it, it waits in their queue. */
  | 'unrouted'
  /** To the organisation's admins: a report landed with them (routed or forwarded). */
  | 'landed'
  /** To the reporter: it went to an organisation (routed, or forwarded to another). */
  | 'routed'
  | 'forwarded'
  | 'handled'
  | 'rejected';

export interface ReportNoticeParams {
  step: ReportNoticeStep;
  category: ReportCategory;
  regionName: string;
  organisationName?: string | null;
  /** The organisation's note (what was done, or why not). */
  note?: string | null;
}

const CATEGORY: Record<ReportCategory, [string, string]> = {
  air_pollution: ['大气污染', 'air pollution'],
  water: ['河湖水环境', 'rivers and water'],
  sanitation: ['环境卫生', 'litter and sanitation'],
  accessibility: ['无障碍设施', 'accessibility'],
  facility_damage: ['设施损坏', 'damaged facilities'],
  civility: ['文明行为', 'civility'],
  other: ['其他', 'other'],
};

/** A category's name in one language (大气污染 / air pollution). */
export const reportCategoryName = (category: ReportCategory, locale: Locale): string =>
  CATEGORY[category][locale === 'en' ? 1 : 0];

const STATUS: Record<ReportStatus, [string, string]> = {
  unrouted: ['待分派', 'to route'],
  routed: ['已交办', 'routed'],
  forwarded: ['已转办', 'forwarded'],
  handled: ['已办结', 'handled'],
  rejected: ['未受理', 'rejected'],
};

/** A status's name in one language (已办结 / handled), for files written on the server. */
export const reportStatusName = (status: ReportStatus, locale: Locale): string =>
  STATUS[status][locale === 'en' ? 1 : 0];

type Words = Record<ReportNoticeStep, [string, (p: ReportNoticeParams, c: string) => string]>;

const ZH: Words = {
  unrouted: ['有随手拍待分派', (p, c) => `${p.regionName}有一条「${c}」随手拍没有对应的责任单位，请分派。`],
  landed: [
    '有随手拍交由您单位办理',
    (p, c) => `${p.regionName}的一条「${c}」随手拍已交由${p.organisationName ?? '您单位'}办理，请及时答复。`,
  ],
  routed: [
    '您的随手拍已交办',
    (p, c) => `您在${p.regionName}的「${c}」随手拍已交由${p.organisationName ?? '责任单位'}办理。`,
  ],
  forwarded: ['您的随手拍已转办', (p, c) => `您的「${c}」随手拍已转交${p.organisationName ?? '其他单位'}办理。`],
  handled: ['您的随手拍已办结', (p, c) => `您在${p.regionName}的「${c}」随手拍已办结，感谢您的参与。`],
  rejected: ['您的随手拍未被受理', (p, c) => `您在${p.regionName}的「${c}」随手拍未被受理。`],
};

const EN: Words = {
  unrouted: [
    'A report to route',
    (p, c) => `A report about ${c} in ${p.regionName} has no responsible organisation: please route it.`,
  ],
  landed: [
    'A report for your organisation',
    (p, c) =>
      `A report about ${c} in ${p.regionName} was sent to ${p.organisationName ?? 'your organisation'}: please answer it.`,
  ],
  routed: [
    'Your report was passed on',
    (p, c) =>
      `Your report about ${c} in ${p.regionName} was sent to ${p.organisationName ?? 'the organisation responsible'}.`,
  ],
  forwarded: [
    'Your report was forwarded',
    (p, c) => `Your report about ${c} was forwarded to ${p.organisationName ?? 'another organisation'}.`,
  ],
  handled: ['Your report was handled', (p, c) => `Your report about ${c} in ${p.regionName} was handled. Thank you.`],
  rejected: ['Your report was not accepted', (p, c) => `Your report about ${c} in ${p.regionName} was not accepted.`],
};

/** The title and body of a report's notice in one language; the organisation's note, when given, ends the body. */
export function reportWords(p: ReportNoticeParams, locale: Locale): { title: string; body: string } {
  const en = locale === 'en';
  const [title, body] = (en ? EN : ZH)[p.step];
  const category = reportCategoryName(p.category, locale);
  const note = p.note ? (en ? ` Note: ${p.note}` : `答复：${p.note}`) : '';
  return { title, body: body(p, category) + note };
}
