import type { NotificationKind } from '../../../common/contract/notifications.js';
import type { HonourLevel, Locale } from '../../../common/enums.js';
import type { EarningBreakdown } from '../../../common/points.js';
import { DEFAULT_SETTINGS } from '../../../common/settings.js';
import { earningWords } from './earning-words.js';
import { needWords, type NeedNoticeParams } from './need-words.js';
import { reportWords, type ReportNoticeParams } from './report-words.js';

/** What each templated kind needs. Times are ISO-8601 instants; they are shown in the city's time zone. */
export interface TemplateParams {
  signup_result: {
    activityTitle: string;
    shiftStart: string;
    status: 'approved' | 'applied' | 'waitlisted' | 'rejected';
    reason?: string | null;
  };
  waitlist_promoted: { activityTitle: string; shiftStart: string };
  activity_cancelled: { activityTitle: string; shiftStart?: string | null; reason?: string | null };
  shift_changed: { activityTitle: string; shiftStart: string; shiftEnd: string; address?: string | null };
  shift_reminder: { activityTitle: string; shiftStart: string; address: string };
  record_confirmed: { activityTitle: string; hours: number };
  /** `memo` names the activity; `earning` (from migration 130 on) says why this many points. */
  points_earned: { points: number; balance?: number | null; memo?: string | null; earning?: EarningBreakdown | null };
  membership_invited: { organisationName: string };
  membership_changed: { organisationName: string; status: 'active' | 'declined' | 'ended' };
  /** A resident's need moved on: the next person is told (need-words.ts). */
  need_update: NeedNoticeParams;
  /** A key task of a department's plan passed its deadline (a local day) short of its target. */
  plan_task_overdue: { taskTitle: string; planTitle: string; departmentName: string; deadline: string };
  /** A volunteer's honour earned points under their region's rule; `balance` is the wallet after. */
  honour_points: { points: number; balance: number; honourName: string; level: HonourLevel };
  /** A report (随手拍) moved on: the reporter, the organisation or the region admins are told (report-words.ts). */
  report_update: ReportNoticeParams;
  /** A story (志愿风采) was sent for review (to its reviewers), or approved or returned (to its writer). */
  story_update: StoryNoticeParams;
}

/** Who is told what at each step of a story's review. */
export type StoryNoticeStep = 'submitted' | 'approved' | 'returned';
export interface StoryNoticeParams {
  step: StoryNoticeStep;
  title: string;
  organisationName: string;
  /** Why it was returned: what to change. */
  reason?: string | null;
}

const LEVEL_ZH: Record<HonourLevel, string> = {
  national: '国家级',
  city: '市级',
  district: '区县级',
  street: '街镇级',
};
const LEVEL_EN: Record<HonourLevel, string> = {
  national: 'national',
  city: 'city',
  district: 'district or county',
  street: 'town or street',
};

/** The activity and why so many points, in brackets: （「义诊」：服务 2.5 小时 × …） / ("义诊": 2.5 h of service × …). */
function why(p: TemplateParams['points_earned'], locale: Locale): string {
  const words = p.earning ? earningWords(p.earning, locale) : null;
  if (locale === 'en') {
    const text = [p.memo ? `"${p.memo}"` : null, words].filter(Boolean).join(': ');
    return text ? ` (${text})` : '';
  }
  const text = [p.memo ? `「${p.memo}」` : null, words].filter(Boolean).join('：');
  return text ? `（${text}）` : '';
}

export const localeOf = (stored: string | null | undefined): Locale => (stored === 'en' ? 'en' : 'zh-CN');

interface Rendered {
  title: string;
  body: string;
}

type Template<K extends NotificationKind> = (p: TemplateParams[K], at: (iso: string) => string) => Rendered;
type Table = { [K in NotificationKind]: Record<Locale, Template<K>> };

const STATUS_ZH = { approved: '报名成功', applied: '已提交，等待审核', waitlisted: '已进入候补', rejected: '未通过' };
const STATUS_EN = {
  approved: 'you are in',
  applied: 'waiting for approval',
  waitlisted: 'you are on the wait-list',
  rejected: 'not accepted',
};
const MEMBERSHIP_ZH = { active: '已加入团队', declined: '入队申请未通过', ended: '已退出团队' };
const MEMBERSHIP_EN = {
  active: 'You joined the team',
  declined: 'Application not accepted',
  ended: 'Membership ended',
};
const withReason = (s: string, reason: string | null | undefined, label: string) =>
  reason ? `${s}${label}${reason}` : s;

const TEMPLATES: Table = {
  signup_result: {
    'zh-CN': (p, at) => ({
      title: `报名结果：${STATUS_ZH[p.status]}`,
      body: withReason(
        `「${p.activityTitle}」${at(p.shiftStart)} 的班次：${STATUS_ZH[p.status]}。`,
        p.reason,
        '原因：',
      ),
    }),
    en: (p, at) => ({
      title: `Sign-up: ${STATUS_EN[p.status]}`,
      body: withReason(
        `"${p.activityTitle}", shift at ${at(p.shiftStart)}: ${STATUS_EN[p.status]}.`,
        p.reason,
        ' Reason: ',
      ),
    }),
  },
  waitlist_promoted: {
    'zh-CN': (p, at) => ({
      title: '候补转正：报名成功',
      body: `有名额空出，您已从候补转为正式报名：「${p.activityTitle}」${at(p.shiftStart)}。`,
    }),
    en: (p, at) => ({
      title: 'Off the wait-list: you are in',
      body: `A place came free and you now have it: "${p.activityTitle}" at ${at(p.shiftStart)}.`,
    }),
  },
  activity_cancelled: {
    'zh-CN': (p, at) => ({
      title: '活动已取消',
      body: withReason(
        `「${p.activityTitle}」${p.shiftStart ? at(p.shiftStart) + ' ' : ''}已取消。`,
        p.reason,
        '原因：',
      ),
    }),
    en: (p, at) => ({
      title: 'Activity cancelled',
      body: withReason(
        `"${p.activityTitle}"${p.shiftStart ? ` at ${at(p.shiftStart)}` : ''} has been cancelled.`,
        p.reason,
        ' Reason: ',
      ),
    }),
  },
  shift_changed: {
    'zh-CN': (p, at) => ({
      title: '班次时间有变',
      body: `「${p.activityTitle}」的班次改为 ${at(p.shiftStart)} 至 ${at(p.shiftEnd)}${p.address ? `，地点：${p.address}` : ''}。`,
    }),
    en: (p, at) => ({
      title: 'Shift changed',
      body: `"${p.activityTitle}" now runs from ${at(p.shiftStart)} to ${at(p.shiftEnd)}${p.address ? ` at ${p.address}` : ''}.`,
    }),
  },
  shift_reminder: {
    'zh-CN': (p, at) => ({
      title: '服务提醒：班次即将开始',
      body: `「${p.activityTitle}」将于 ${at(p.shiftStart)} 开始，地点：${p.address}。请准时到场签到。`,
    }),
    en: (p, at) => ({
      title: 'Reminder: your shift is coming up',
      body: `"${p.activityTitle}" starts at ${at(p.shiftStart)}, at ${p.address}. Please check in on arrival.`,
    }),
  },
  record_confirmed: {
    'zh-CN': (p) => ({
      title: '服务时长已确认',
      body: `「${p.activityTitle}」的服务记录已确认，计 ${p.hours} 小时。`,
    }),
    en: (p) => ({
      title: 'Service hours confirmed',
      body: `Your service record for "${p.activityTitle}" is confirmed: ${p.hours} h.`,
    }),
  },
  points_earned: {
    'zh-CN': (p) => ({
      title: `获得 ${p.points} 积分`,
      body: `您获得 ${p.points} 积分${why(p, 'zh-CN')}${typeof p.balance === 'number' ? `，当前余额 ${p.balance} 积分` : ''}。`,
    }),
    en: (p) => ({
      title: `${p.points} points earned`,
      body: `You earned ${p.points} points${why(p, 'en')}${typeof p.balance === 'number' ? `; balance ${p.balance}` : ''}.`,
    }),
  },
  membership_invited: {
    'zh-CN': (p) => ({
      title: '团队邀请',
      body: `「${p.organisationName}」邀请您加入。接受后，该团队的管理员可以看到您的姓名和在该团队的服务记录；请在「我的 → 我的团队」中接受或拒绝。`,
    }),
    en: (p) => ({
      title: 'Invitation to join a team',
      body: `"${p.organisationName}" invites you to join. Once you accept, its admins see your name and your service with the team; accept or decline under Me → My teams.`,
    }),
  },
  membership_changed: {
    'zh-CN': (p) => ({
      title: MEMBERSHIP_ZH[p.status],
      body: `您与「${p.organisationName}」的团队关系：${MEMBERSHIP_ZH[p.status]}。`,
    }),
    en: (p) => ({
      title: MEMBERSHIP_EN[p.status],
      body: `Your membership of "${p.organisationName}": ${MEMBERSHIP_EN[p.status].toLowerCase()}.`,
    }),
  },
  need_update: {
    'zh-CN': (p) => needWords(p, 'zh-CN'),
    en: (p) => needWords(p, 'en'),
  },
  honour_points: {
    'zh-CN': (p) => ({
      title: `荣誉积分：获得 ${p.points} 积分`,
      body: `您的荣誉「${p.honourName}」（${LEVEL_ZH[p.level]}）获得 ${p.points} 积分，当前余额 ${p.balance} 积分。`,
    }),
    en: (p) => ({
      title: `${p.points} points for an honour`,
      body: `Your honour "${p.honourName}" (${LEVEL_EN[p.level]} level) earned you ${p.points} points; balance ${p.balance}.`,
    }),
  },
  report_update: {
    'zh-CN': (p) => reportWords(p, 'zh-CN'),
    en: (p) => reportWords(p, 'en'),
  },
  story_update: {
    'zh-CN': (p) =>
      ({
        submitted: {
          title: '有志愿风采待审核',
          body: `「${p.organisationName}」提交了志愿风采「${p.title}」，请审核后发布或退回。`,
        },
        approved: { title: '志愿风采已发布', body: `您的志愿风采「${p.title}」已通过审核，现已在门户发布。` },
        returned: {
          title: '志愿风采被退回',
          body: withReason(`您的志愿风采「${p.title}」被退回修改。`, p.reason, '需修改：'),
        },
      })[p.step],
    en: (p) =>
      ({
        submitted: {
          title: 'A story to review',
          body: `"${p.organisationName}" sent the story "${p.title}" for review: publish it or return it.`,
        },
        approved: { title: 'Story published', body: `Your story "${p.title}" was approved and is now on the portal.` },
        returned: {
          title: 'Story returned',
          body: withReason(`Your story "${p.title}" was returned for changes.`, p.reason, ' To change: '),
        },
      })[p.step],
  },
  plan_task_overdue: {
    'zh-CN': (p) => ({
      title: '重点任务已逾期',
      body: `${p.departmentName}「${p.planTitle}」中由您单位负责的重点任务「${p.taskTitle}」已过截止日期（${p.deadline}）仍未完成，请尽快推进并更新进度。`,
    }),
    en: (p) => ({
      title: 'A key task is overdue',
      body: `The key task "${p.taskTitle}" of ${p.departmentName}'s plan "${p.planTitle}", which your organisation is responsible for, passed its deadline (${p.deadline}) short of its target. Please move it on and update its progress.`,
    }),
  },
};

/** Date and time in the recipient's language and the city's time zone, e.g. 2026年12月1日 09:00. */
export function formatInstant(iso: string, locale: Locale, timeZone = DEFAULT_SETTINGS.timeZone): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** The title and body of a templated kind in one language. */
export function render<K extends NotificationKind>(
  kind: K,
  params: TemplateParams[K],
  locale: Locale,
  timeZone?: string,
): Rendered {
  const template = TEMPLATES[kind][locale] as Template<K>;
  return template(params, (iso) => formatInstant(iso, locale, timeZone));
}
