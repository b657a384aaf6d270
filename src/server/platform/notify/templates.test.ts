import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../../../common/contract/notifications.js';
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
};

describe('notification templates', () => {
  it('render every kind in both languages without placeholders left over', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const { title, body } = render(kind, SAMPLE[kind] as never, locale);
        expect(title.length, `${kind} ${locale}`).toBeGreaterThan(0);
        expect(body, `${kind} ${locale}`).not.toMatch(/undefined|null|\$\{/);
        if (kind !== 'points_earned' && !kind.startsWith('membership')) expect(body).toContain('义诊');
      }
    }
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
      'You earned 25 points (服务时长); balance 125.',
    );
  });

  it('fall back to Chinese for any locale but English', () => {
    expect(localeOf('en')).toBe('en');
    expect(localeOf('fr')).toBe('zh-CN');
    expect(localeOf(null)).toBe('zh-CN');
  });
});
