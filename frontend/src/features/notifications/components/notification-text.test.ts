import { describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import { meAs } from '@/testing/fixtures';
import { notification } from '@/testing/workflow-fixtures';
import type { Notification } from '../api/get-notifications';
import { notificationTarget, notificationText } from './notification-text';

const params = (p: Record<string, unknown>) => p as unknown as Notification['params'];
const expiring = notification({
  kind: 'qualification_expiring',
  params: params({ enterprise: '揭阳示范机械有限公司', tier: 'specialized_sme', valid_until: '2026-12-15', days: 30 }),
  link: '/enterprises/7',
});

describe('notificationText', () => {
  it('says what happened, in the UI language', async () => {
    const t = i18n.t.bind(i18n);
    expect(notificationText(t, expiring, 'zh-CN')).toBe('“揭阳示范机械有限公司”的专精特新中小企业资质将于 2026年12月15日 到期（30 天内），请及时准备复核');
    expect(notificationText(t, notification(), 'zh-CN')).toBe('您在“2026年第二批省级创新型中小企业评价”的申报已被退回修改，请查看意见后重新提交');
    const decided = (result: string | null) => notification({ kind: 'application_decided', params: params({ batch: 'B', result }) });
    expect(notificationText(t, decided('approved'), 'zh-CN')).toBe('您在“B”的申报已获认定');
    expect(notificationText(t, decided('not_approved'), 'zh-CN')).toBe('您在“B”的申报未获认定');
    expect(notificationText(t, decided(null), 'zh-CN')).toBe('您在“B”的申报已有认定结果');
    const due = notification({
      kind: 'annual_update_due',
      params: params({ enterprise: '揭阳示范机械有限公司', year: 2027, report_year: 2026, closes_on: '2027-05-31', days: 7 }),
      link: '/enterprises/7/figures',
    });
    expect(notificationText(t, due, 'zh-CN')).toBe('请于 2027年5月31日 前填报“揭阳示范机械有限公司”的 2026 年度数据（7 天内截止）');
    expect(notificationTarget(due, meAs('enterprise'))).toBe('/enterprises/7/figures');
    await i18n.changeLanguage('en-US');
    expect(notificationText(i18n.t.bind(i18n), expiring, 'en-US')).toBe(
      'The Specialised SME qualification of “揭阳示范机械有限公司” expires on December 15, 2026 (within 30 days); prepare its re-review',
    );
  });
});

describe('notificationTarget', () => {
  it('follows the link of an application notice', () => {
    expect(notificationTarget(notification(), meAs('enterprise'))).toBe('/applications/318');
  });

  it('opens the qualifications of an expiring one: the enterprise its own, an officer the enterprise tab', () => {
    expect(notificationTarget(expiring, meAs('enterprise'))).toBe('/my-qualifications');
    expect(notificationTarget(expiring, meAs('county_officer'))).toBe('/enterprises/7/qualifications');
  });

  it('never leaves the app', () => {
    expect(notificationTarget(notification({ link: '//evil.example/x' }), meAs('city_officer'))).toBeUndefined();
    expect(notificationTarget(notification({ link: 'https://evil.example/x' }), meAs('city_officer'))).toBeUndefined();
    expect(notificationTarget(notification({ link: null }), meAs('city_officer'))).toBeUndefined();
  });
});
