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
  summary: {
    zh: '体育与健康：需 1.125 个专任教师当量，现有 0（缺 1.125），无人任教，课程开不齐',
    en: 'Physical education: 1.125 full-time equivalents needed, 0 in post (1.125 short): nobody teaches it',
  },
  policyVersion: 'jiangsu-2024.1',
};

describe('rendering notifications', () => {
  it('says a new shortage flag with its severity, school and subject, the kind of shortage, the rule’s sentence and the policy version', () => {
    expect(renderNotification({ kind: 'SHORTAGE_FLAG_OPENED', params: notice })).toEqual({
      title: { zh: '新增教师缺口预警（严重）：华山中心小学 · 体育与健康', en: 'New shortage flag (Critical): 华山中心小学 · Physical education' },
      body: {
        zh: '学科无人任教（开不齐）：体育与健康：需 1.125 个专任教师当量，现有 0（缺 1.125），无人任教，课程开不齐\n政策版本：jiangsu-2024.1',
        en:
          'Subject nobody teaches: Physical education: 1.125 full-time equivalents needed, 0 in post (1.125 short): nobody teaches it\n' +
          'Policy version: jiangsu-2024.1',
      },
    });
  });

  it('says that a reopened flag is a gap that had been resolved', () => {
    const text = renderNotification({ kind: 'SHORTAGE_FLAG_REOPENED', params: { ...notice, shortageKind: 'SUBJECT_GAP', severity: 'HIGH' } });
    expect(text.title).toEqual({
      zh: '教师缺口预警再次出现（较重）：华山中心小学 · 体育与健康',
      en: 'Shortage flag reopened (High): 华山中心小学 · Physical education',
    });
    expect(text.body.zh).toMatch(/^此前已消除的缺口再次出现。\n学科教师缺口：体育与健康：需 1\.125/);
    expect(text.body.en).toMatch(/^A gap that had been resolved has returned\.\nSubject short of teachers: Physical education: 1\.125/);
  });

  it('names no subject for a flag over several subjects (PE + music + fine arts per 100 pupils)', () => {
    const text = renderNotification({
      kind: 'SHORTAGE_FLAG_OPENED',
      params: { ...notice, shortageKind: 'PE_ARTS_RATIO_LOW', subject: null, severity: 'HIGH' },
    });
    expect(text.title).toEqual({ zh: '新增教师缺口预警（较重）：华山中心小学', en: 'New shortage flag (High): 华山中心小学' });
    expect(text.body.zh).toMatch(/^体育艺术教师配比不足：/);
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
