import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../../../common/contract/notifications.js';
import { earningWords } from './earning-words.js';
import { formatInstant, localeOf, render, type TemplateParams } from './templates.js';

const SAMPLE: TemplateParams = {
  signup_result: { activityTitle: '义诊', shiftStart: '2026-12-01T01:00:00Z', status: 'rejected', reason: '名额已满' },
  waitlist_promoted: { activityTitle: '义诊', shiftStart: '2026-12-01T01:00:00Z' },
  activity_cancelled: { activityTitle: '义诊', shiftStart: null, reason: '暴雨' },
  shift_changed: { activityTitle: '义诊', shiftStart: '2026-12-01T01:00:00Z', shiftEnd: '2026-12-01T03:00:00Z' },
  shift_reminder: { activityTitle: '义诊', shiftStart: '2026-12-01T01:00:00Z', address: '解放碑' },
  record_confirmed: { activityTitle: '义诊', hours: 2.5 },
  points_earned: { points: 25, balance: 125, memo: '服务时长' },
  membership_invited: { organisationName: '义诊服务队' },
  membership_changed: { organisationName: '义诊服务队', status: 'ended' },
  need_update: {
    step: 'rejected',
    typeZh: '助老服务',
    typeEn: 'Elderly care',
    regionName: '解放碑街道',
    reason: '重复',
  },
  plan_task_overdue: {
    taskTitle: '义诊进社区',
    planTitle: '春风满巴渝',
    departmentName: '市委宣传部',
    deadline: '2026-06-30',
  },
  honour_points: { points: 30, balance: 130, honourName: '义诊之星', level: 'city' },
  report_update: { step: 'handled', category: 'water', regionName: '解放碑街道', note: '已清理义诊点旁的河岸' },
  story_update: { step: 'returned', title: '义诊进社区', organisationName: '义诊服务队', reason: '请补充活动时间' },
};

describe('notification templates', () => {
  it('render every kind in both languages without placeholders left over', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const { title, body } = render(kind, SAMPLE[kind] as never, locale);
        expect(title.length, `${kind} ${locale}`).toBeGreaterThan(0);
        expect(body, `${kind} ${locale}`).not.toMatch(/undefined|null|\$\{/);
        if (kind === 'need_update') expect(body).toContain(locale === 'en' ? 'Elderly care' : '助老服务');
        else if (kind !== 'points_earned' && !kind.startsWith('membership')) expect(body).toContain('义诊');
      }
    }
  });

  it('name the honour, its level and the balance when an honour earns points', () => {
    expect(render('honour_points', SAMPLE.honour_points, 'zh-CN')).toEqual({
      title: '荣誉积分：获得 30 积分',
      body: '您的荣誉「义诊之星」（市级）获得 30 积分，当前余额 130 积分。',
    });
    expect(render('honour_points', SAMPLE.honour_points, 'en')).toEqual({
      title: '30 points for an honour',
      body: 'Your honour "义诊之星" (city level) earned you 30 points; balance 130.',
    });
  });

  it('show times in the city time zone and say why a sign-up was refused', () => {
    expect(formatInstant('2026-12-01T17:30:00Z', 'zh-CN')).toBe('2026年12月2日 01:30');
    const zh = render('signup_result', SAMPLE.signup_result, 'zh-CN');
    expect(zh).toEqual({
      title: '报名结果：未通过',
      body: '「义诊」2026年12月1日 09:00 的班次：未通过。原因：名额已满',
    });
    expect(render('activity_cancelled', SAMPLE.activity_cancelled, 'en').body).toBe(
      '"义诊" has been cancelled. Reason: 暴雨',
    );
    expect(render('points_earned', SAMPLE.points_earned, 'en').body).toBe(
      'You earned 25 points ("服务时长"); balance 125.',
    );
  });

  it('say why points were earned in the recipient’s language, from the stored facts', () => {
    const earning = {
      minutes: 180,
      perHour: 10,
      fieldMultiplier: 1,
      projectMultiplier: 1,
      hourly: 30,
      perActivity: 0,
      firstService: 20,
      stars: [],
      limitedBy: null,
      points: 50,
    };
    const p = { points: 50, balance: 150, memo: '义诊', earning };
    expect(render('points_earned', p, 'zh-CN').body).toBe(
      '您获得 50 积分（「义诊」：服务 3 小时 × 每小时 10 分 = 30 分，首次服务奖励 +20），当前余额 150 积分。',
    );
    expect(render('points_earned', p, 'en').body).toBe(
      'You earned 50 points ("义诊": 3 h of service × 10 points an hour = 30 points, first-service bonus +20); balance 150.',
    );
    const capped = { ...earning, minutes: 90, fieldMultiplier: 1.5, hourly: 22, perActivity: 5, firstService: 0 };
    const limited = { ...capped, stars: [{ level: 2, bonus: 200 }], limitedBy: 'day' as const, points: 40 };
    expect(earningWords(limited, 'zh-CN')).toBe(
      '服务 1.5 小时 × 每小时 10 分 × 领域系数 1.5 = 22 分，每次活动 +5，达到 2 星奖励 +200；受每日上限限制，实得 40 分',
    );
    expect(earningWords(limited, 'en')).toBe(
      '1.5 h of service × 10 points an hour × field ×1.5 = 22 points, per activity +5, 2-star bonus +200; limited by the daily cap to 40 points',
    );
  });

  it('tell a team released from a need, or whose need was cancelled, in both languages', () => {
    for (const step of ['redispatched', 'team_cancelled'] as const) {
      const p = { ...SAMPLE.need_update, step, reason: null };
      expect(render('need_update', p, 'zh-CN').body).toMatch(/^解放碑街道的「助老服务」需求已/);
      expect(render('need_update', p, 'en').body).toContain('"Elderly care" need in 解放碑街道');
    }
  });

  it('tell a story’s reviewers of it and its writer of the answer, with the reason to change it', () => {
    const p = SAMPLE.story_update;
    expect(render('story_update', { ...p, step: 'submitted' }, 'zh-CN').body).toContain('「义诊服务队」提交了志愿风采');
    expect(render('story_update', { ...p, step: 'approved' }, 'en').title).toBe('Story published');
    expect(render('story_update', p, 'zh-CN').body).toMatch(/被退回修改。需修改：请补充活动时间$/);
    expect(render('story_update', p, 'en').body).toMatch(/returned for changes\. To change: 请补充活动时间$/);
  });

  it('fall back to Chinese for any locale but English', () => {
    expect(localeOf('en')).toBe('en');
    expect(localeOf('fr')).toBe('zh-CN');
    expect(localeOf(null)).toBe('zh-CN');
  });
});
