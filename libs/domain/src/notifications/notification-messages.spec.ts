import { CODE_LISTS } from '../labels/code-labels';
import type { NotificationKind } from './notification-kinds';
import {
  NOTIFICATION_TITLE_MAX,
  NotificationMessage,
  renderNotification,
  RotationPlanNotice,
  ShortageFlagNotice,
  StaffRequestNotice,
} from './notification-messages';

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

const request: StaffRequestNotice = {
  schoolName: '华山中心小学',
  subject: 'MUSIC',
  headcount: 2,
  neededFrom: '2026-09-01',
  overQuota: true,
  note: '音乐课由语文老师兼上，开不足课时',
};

const transfer = {
  teacherName: '张老师',
  staffNo: 'FX0101',
  fromSchoolName: '城南小学',
  fromCountyName: '丰县',
  toSchoolName: '实验小学',
  toCountyName: '沛县',
  effectiveDate: '2026-09-01',
  note: '夫妻两地分居',
};

const plan: RotationPlanNotice = {
  countyName: '东海县',
  year: 2026,
  title: null,
  assignmentCount: 12,
  firstDay: '2026-09-01',
  meetsTargets: true,
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

  it('says a new staff request with the school, subject, headcount, day needed from, that it is above quota, and its reason', () => {
    expect(renderNotification({ kind: 'STAFF_REQUEST_SUBMITTED', params: request })).toEqual({
      title: { zh: '新的补充教师申请：华山中心小学 · 音乐 2 人', en: 'New staff request: 华山中心小学 · Music × 2' },
      body: {
        zh: '华山中心小学申请补充音乐教师 2 人，2026-09-01 起到岗。申请后将超出学校核定编制。\n申请理由：音乐课由语文老师兼上，开不足课时',
        en:
          '华山中心小学 asks for 2 teachers of Music from 2026-09-01. It would take the school above its allocated quota.\n' +
          'Reason: 音乐课由语文老师兼上，开不足课时',
      },
    });
  });

  it('says nothing of the quota of a request within it, nor a reason none was given; one teacher in the singular', () => {
    const text = renderNotification({ kind: 'STAFF_REQUEST_SUBMITTED', params: { ...request, headcount: 1, overQuota: false, note: null } });
    expect(text.body).toEqual({
      zh: '华山中心小学申请补充音乐教师 1 人，2026-09-01 起到岗。',
      en: '华山中心小学 asks for 1 teacher of Music from 2026-09-01.',
    });
  });

  it('tells the principal of a decision, with the officer’s note', () => {
    const rejected = renderNotification({ kind: 'STAFF_REQUEST_REJECTED', params: { ...request, note: '本学年编制已满，请通过走教解决' } });
    expect(rejected.title).toEqual({ zh: '补充教师申请未获批准：华山中心小学 · 音乐 2 人', en: 'Staff request rejected: 华山中心小学 · Music × 2' });
    expect(rejected.body.zh).toBe('县教育局未批准华山中心小学补充音乐教师 2 人（2026-09-01 起）的申请。\n审批意见：本学年编制已满，请通过走教解决');
    expect(rejected.body.en).toBe(
      "The county rejected 华山中心小学's request for 2 teachers of Music from 2026-09-01.\nNote: 本学年编制已满，请通过走教解决",
    );
    const approved = renderNotification({ kind: 'STAFF_REQUEST_APPROVED', params: { ...request, note: null } });
    expect(approved.title.zh).toBe('补充教师申请已批准：华山中心小学 · 音乐 2 人');
    expect(approved.body.zh).not.toContain('审批意见');
    expect(approved.body.zh).not.toContain('超出');
    expect(renderNotification({ kind: 'STAFF_REQUEST_FULFILLED', params: { ...request, note: null } }).body.en).toBe(
      'Teachers now posted to 华山中心小学 cover its request for 2 teachers of Music.',
    );
    expect(renderNotification({ kind: 'STAFF_REQUEST_CANCELLED', params: request }).title.en).toBe(
      'Staff request cancelled: 华山中心小学 · Music × 2',
    );
  });

  it('tells of a transfer with the teacher, both schools with their counties, the date and the note', () => {
    const pending = renderNotification({ kind: 'TRANSFER_PENDING', params: transfer });
    expect(pending.title).toEqual({ zh: '待确认的调入：张老师', en: 'Transfer to accept: 张老师' });
    expect(pending.body.zh).toBe('丰县城南小学拟将张老师（FX0101）调往沛县实验小学，2026-09-01 起生效，待贵县确认接收。\n调动理由：夫妻两地分居');
    const blocked = renderNotification({
      kind: 'TRANSFER_BLOCKED',
      params: { ...transfer, toCountyName: '溧阳市', toSchoolName: '溧阳实验小学', note: null },
    });
    expect(blocked.body.en).toBe(
      'The transfer of 张老师 (FX0101) from 城南小学 (丰县) to 溧阳实验小学 (溧阳市) from 2026-09-01 was blocked by the anti-poaching rule; ' +
        'a province administrator may record an exception.',
    );
  });

  it('says a rotation plan’s county, year, teachers and targets, and what happened to it', () => {
    expect(renderNotification({ kind: 'ROTATION_PLAN_APPROVED', params: plan })).toEqual({
      title: { zh: '交流轮岗计划已批准：东海县 2026年度', en: 'Rotation plan approved: 东海县, 2026' },
      body: {
        zh: '2026年度交流轮岗计划：交流教师 12 人，达到年度交流比例要求。计划已批准（2026-09-01 起），请查看本人或本校的交流安排。',
        en: "2026年度交流轮岗计划: 12 teachers; it meets the year’s targets. The plan is approved (from 2026-09-01): see your own or your school's assignments in it.",
      },
    });
    const submitted = renderNotification({
      kind: 'ROTATION_PLAN_SUBMITTED',
      params: { ...plan, title: '东海县2026年交流方案', assignmentCount: 1, meetsTargets: false },
    });
    expect(submitted.body.zh).toBe('东海县2026年交流方案：交流教师 1 人，尚未达到年度交流比例要求。计划已提交，请审批。');
    const activated = renderNotification({ kind: 'ROTATION_PLAN_ACTIVATED', params: { ...plan, meetsTargets: null } });
    expect(activated.body.zh).toBe('2026年度交流轮岗计划：交流教师 12 人。计划已实施（2026-09-01 起），交流教师的任教经历已登记。');
    expect(submitted.body.en).toBe(
      '东海县2026年交流方案: 1 teacher; it does not meet the year’s targets yet. The plan is submitted for your approval.',
    );
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
      STAFF_REQUEST_SUBMITTED: { kind: 'STAFF_REQUEST_SUBMITTED', params: request },
      STAFF_REQUEST_CANCELLED: { kind: 'STAFF_REQUEST_CANCELLED', params: request },
      STAFF_REQUEST_APPROVED: { kind: 'STAFF_REQUEST_APPROVED', params: request },
      STAFF_REQUEST_REJECTED: { kind: 'STAFF_REQUEST_REJECTED', params: request },
      STAFF_REQUEST_FULFILLED: { kind: 'STAFF_REQUEST_FULFILLED', params: request },
      TRANSFER_PENDING: { kind: 'TRANSFER_PENDING', params: transfer },
      TRANSFER_EXECUTED: { kind: 'TRANSFER_EXECUTED', params: transfer },
      TRANSFER_REJECTED: { kind: 'TRANSFER_REJECTED', params: transfer },
      TRANSFER_BLOCKED: { kind: 'TRANSFER_BLOCKED', params: transfer },
      ROTATION_PLAN_SUBMITTED: { kind: 'ROTATION_PLAN_SUBMITTED', params: plan },
      ROTATION_PLAN_APPROVED: { kind: 'ROTATION_PLAN_APPROVED', params: plan },
      ROTATION_PLAN_ACTIVATED: { kind: 'ROTATION_PLAN_ACTIVATED', params: { ...plan, firstDay: null, meetsTargets: null } },
    };
    for (const kind of CODE_LISTS.notificationKinds) {
      const text = renderNotification(samples[kind]);
      for (const part of [text.title.zh, text.title.en, text.body.zh, text.body.en])
        expect({ kind, part: part.trim() }).not.toEqual({ kind, part: '' });
    }
  });
});
