import type { FoundShortage } from '../shortage/shortage-types';
import { renderNotification } from './notification-messages';
import { notifiesOfFlag, shortageFlagNotice, shortageFlagRecipients } from './shortage-notices';

const found: FoundShortage = {
  kind: 'SUBJECT_GAP',
  subject: 'MUSIC',
  severity: 'HIGH',
  requiredFte: 2.25,
  actualFte: 0.5,
  gap: 1.75,
  explanation: {
    policyVersion: 'jiangsu-2024.1',
    summary: { zh: '音乐：需 2.25 个专任教师当量，现有 0.5（缺 1.75）', en: 'Music: 2.25 full-time equivalents needed, 0.5 in post (1.75 short)' },
    required: { fte: 2.25, schoolYear: 2026, grades: [], students: null },
    actual: { fte: 0.5, teachers: [] },
    parameters: {},
  },
};

describe('notices of shortage flags', () => {
  it('are sent for HIGH and CRITICAL flags, not MEDIUM ones', () => {
    expect(notifiesOfFlag('CRITICAL')).toBe(true);
    expect(notifiesOfFlag('HIGH')).toBe(true);
    expect(notifiesOfFlag('MEDIUM')).toBe(false);
  });

  it("go to the county's officers and the school's principals", () => {
    expect(shortageFlagRecipients({ countyId: '320321', schoolId: 's-1' })).toEqual([
      { kind: 'COUNTY_OFFICERS', countyId: '320321' },
      { kind: 'PRINCIPALS', schoolId: 's-1' },
    ]);
  });

  it('carry the flag’s figures, severity, sentence and policy version, and read as the template says', () => {
    const notice = shortageFlagNotice(found, '欢口中心小学');
    expect(notice).toEqual({
      schoolName: '欢口中心小学',
      shortageKind: 'SUBJECT_GAP',
      subject: 'MUSIC',
      severity: 'HIGH',
      requiredFte: 2.25,
      actualFte: 0.5,
      gap: 1.75,
      summary: found.explanation.summary,
      policyVersion: 'jiangsu-2024.1',
    });
    expect(renderNotification({ kind: 'SHORTAGE_FLAG_OPENED', params: notice })).toEqual({
      title: { zh: '新增教师缺口预警（较重）：欢口中心小学 · 音乐', en: 'New shortage flag (High): 欢口中心小学 · Music' },
      body: {
        zh: '学科教师缺口：音乐：需 2.25 个专任教师当量，现有 0.5（缺 1.75）\n政策版本：jiangsu-2024.1',
        en: 'Subject short of teachers: Music: 2.25 full-time equivalents needed, 0.5 in post (1.75 short)\nPolicy version: jiangsu-2024.1',
      },
    });
  });
});
