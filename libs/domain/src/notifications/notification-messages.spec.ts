import { CODE_LISTS } from '../labels/code-labels';
import type { NotificationKind } from './notification-kinds';
import { NOTIFICATION_TITLE_MAX, NotificationMessage, renderNotification, ShortageFlagNotice } from './notification-messages';

const notice: ShortageFlagNotice = {
  schoolName: '华山中心小学',
  shortageKind: 'ZERO_COVERAGE',
  subject: 'PE',
  severity: 'CRITICAL',
  requiredFte: 1.125,
  actualFte: 0,
  gap: 1.125,
  summary: { zh: '体育与健康 需 1.125 个专任教师当量，现有 0', en: 'Physical education needs 1.125 FTE, 0 in post' },
  policyVersion: 'jiangsu-2024.1',
};

describe('rendering notifications', () => {
  it('says a new shortage flag with its school, subject, figures and policy version, in Chinese and English', () => {
    expect(renderNotification({ kind: 'SHORTAGE_FLAG_OPENED', params: notice })).toEqual({
      title: { zh: '新增教师缺口预警：华山中心小学（体育与健康）', en: 'New shortage flag: 华山中心小学 (Physical education)' },
      body: {
        zh: '体育与健康 需 1.125 个专任教师当量，现有 0\n应配 1.13 名（折合全职），现有 0 名，缺口 1.13 名。政策版本：jiangsu-2024.1。',
        en: 'Physical education needs 1.125 FTE, 0 in post\nRequired 1.13 FTE, in post 0, gap 1.13. Policy version: jiangsu-2024.1.',
      },
    });
  });

  it('says that a reopened flag is a gap that had been resolved', () => {
    const text = renderNotification({ kind: 'SHORTAGE_FLAG_REOPENED', params: { ...notice, requiredFte: 2, actualFte: 0.5, gap: 1.5 } });
    expect(text.title).toEqual({
      zh: '教师缺口预警再次出现：华山中心小学（体育与健康）',
      en: 'Shortage flag reopened: 华山中心小学 (Physical education)',
    });
    expect(text.body.zh).toMatch(/^此前已消除的缺口再次出现。体育与健康 需/);
    expect(text.body.zh).toContain('应配 2 名（折合全职），现有 0.5 名，缺口 1.5 名。');
    expect(text.body.en).toMatch(/^A gap that had been resolved has returned\. Physical education needs/);
    expect(text.body.en).toContain('Required 2 FTE, in post 0.5, gap 1.5.');
  });

  it('names no subject for a flag over several subjects (PE + music + fine arts per 100 pupils)', () => {
    const text = renderNotification({ kind: 'SHORTAGE_FLAG_OPENED', params: { ...notice, shortageKind: 'PE_ARTS_RATIO_LOW', subject: null } });
    expect(text.title).toEqual({ zh: '新增教师缺口预警：华山中心小学', en: 'New shortage flag: 华山中心小学' });
  });

  it('cuts a title over the stored length with an ellipsis, counting characters, not bytes', () => {
    const text = renderNotification({ kind: 'SHORTAGE_FLAG_OPENED', params: { ...notice, schoolName: '很'.repeat(300) } });
    for (const title of [text.title.zh, text.title.en]) {
      expect([...title]).toHaveLength(NOTIFICATION_TITLE_MAX);
      expect(title.endsWith('很…')).toBe(true);
    }
  });

  it('has a template for every kind, each giving a title and a body in both languages', () => {
    // A kind without a sample here does not compile.
    const samples: { [K in NotificationKind]: Extract<NotificationMessage, { kind: K }> } = {
      SHORTAGE_FLAG_OPENED: { kind: 'SHORTAGE_FLAG_OPENED', params: notice },
      SHORTAGE_FLAG_REOPENED: { kind: 'SHORTAGE_FLAG_REOPENED', params: notice },
    };
    for (const kind of CODE_LISTS.notificationKinds) {
      const text = renderNotification(samples[kind]);
      for (const part of [text.title.zh, text.title.en, text.body.zh, text.body.en])
        expect({ kind, part: part.trim() }).not.toEqual({ kind, part: '' });
    }
  });
});
