import type { Locale } from '../../../common/enums.js';

/** The steps of a resident's need that tell the next person. */
export type NeedNoticeStep =
  | 'posted'
  | 'dispatched'
  | 'taken'
  | 'completed'
  | 'rejected'
  | 'cancelled'
  | 'complained'
  /** To the team it was dispatched to before and the taker released by a re-dispatch. */
  | 'redispatched'
  /** To the team it was dispatched to and its taker, when it is cancelled. */
  | 'team_cancelled';

export interface NeedNoticeParams {
  step: NeedNoticeStep;
  /** The need's type in both languages (need_types.name_zh/name_en). */
  typeZh: string;
  typeEn: string;
  regionName: string;
  reason?: string | null;
}

const ZH: Record<NeedNoticeStep, [string, (p: NeedNoticeParams) => string]> = {
  posted: ['新的群众需求待审核', (p) => `${p.regionName}有一条新的「${p.typeZh}」需求，请及时审核。`],
  dispatched: ['有需求派给您的团队', (p) => `${p.regionName}的「${p.typeZh}」需求已派给您的团队，请及时接单。`],
  taken: ['您的需求已有志愿者接单', (p) => `您的「${p.typeZh}」需求已有志愿者接单，他们会与您联系。`],
  completed: ['您的需求已办结，请评价', (p) => `您的「${p.typeZh}」需求已办结，请在「我的需求」中为这次服务评分。`],
  rejected: ['您的需求未被受理', (p) => `您的「${p.typeZh}」需求未被受理。`],
  cancelled: ['您的需求已取消', (p) => `您的「${p.typeZh}」需求已被工作人员取消。`],
  complained: ['群众对服务提出投诉', (p) => `${p.regionName}的「${p.typeZh}」需求收到群众投诉，请及时处理。`],
  redispatched: ['需求已改派', (p) => `${p.regionName}的「${p.typeZh}」需求已重新派单，您无需再为它服务。`],
  team_cancelled: ['派给您团队的需求已取消', (p) => `${p.regionName}的「${p.typeZh}」需求已取消，无需再为它服务。`],
};

const EN: Record<NeedNoticeStep, [string, (p: NeedNoticeParams) => string]> = {
  posted: ['A new need to review', (p) => `A new "${p.typeEn}" need was posted in ${p.regionName}: please review it.`],
  dispatched: [
    'A need for your team',
    (p) => `A "${p.typeEn}" need in ${p.regionName} was dispatched to your team: please take it.`,
  ],
  taken: ['A volunteer took your need', (p) => `A volunteer took your "${p.typeEn}" need and will contact you.`],
  completed: [
    'Your need is done: please rate it',
    (p) => `Your "${p.typeEn}" need was completed. Please rate the service under My needs.`,
  ],
  rejected: ['Your need was not accepted', (p) => `Your "${p.typeEn}" need was not accepted.`],
  cancelled: ['Your need was cancelled', (p) => `Your "${p.typeEn}" need was cancelled by the staff.`],
  complained: [
    'A complaint about a service',
    (p) => `A resident complained about a "${p.typeEn}" need in ${p.regionName}: please look into it.`,
  ],
  redispatched: [
    'A need was dispatched elsewhere',
    (p) => `The "${p.typeEn}" need in ${p.regionName} was dispatched anew: you no longer serve it.`,
  ],
  team_cancelled: [
    'A need for your team was cancelled',
    (p) => `The "${p.typeEn}" need in ${p.regionName} was cancelled: there is nothing more to do for it.`,
  ],
};

/** The title and body of a need's notice in one language; a reason, when given, ends the body. */
export function needWords(p: NeedNoticeParams, locale: Locale): { title: string; body: string } {
  const [title, body] = (locale === 'en' ? EN : ZH)[p.step];
  const reason = p.reason ? (locale === 'en' ? ` Reason: ${p.reason}` : `原因：${p.reason}`) : '';
  return { title, body: body(p) + reason };
}
