import { renderNotification } from './notification-messages';
import {
  staffRequestDedupeKey,
  StaffRequestHappening,
  staffRequestNotice,
  staffRequestNoticeKind,
  staffRequestRecipients,
} from './staff-request-notices';

const where = { countyId: '320321', schoolId: 'school-1' };

describe('notices of staff requests', () => {
  it('tell the county’s officers of a new request and of its withdrawal', () => {
    for (const happening of ['SUBMIT', 'CANCEL'] as const) {
      expect(staffRequestRecipients(happening, where)).toEqual([{ kind: 'COUNTY_OFFICERS', countyId: '320321' }]);
    }
  });

  it('tell the school’s principals of a decision and of the request being fulfilled', () => {
    for (const happening of ['APPROVE', 'REJECT', 'FULFIL'] as const) {
      expect(staffRequestRecipients(happening, where)).toEqual([{ kind: 'PRINCIPALS', schoolId: 'school-1' }]);
    }
  });

  it('have one kind and one dedupe key per event of a request, naming the event', () => {
    const happenings: StaffRequestHappening[] = ['SUBMIT', 'CANCEL', 'APPROVE', 'REJECT', 'FULFIL'];
    expect(happenings.map(staffRequestNoticeKind)).toEqual([
      'STAFF_REQUEST_SUBMITTED',
      'STAFF_REQUEST_CANCELLED',
      'STAFF_REQUEST_APPROVED',
      'STAFF_REQUEST_REJECTED',
      'STAFF_REQUEST_FULFILLED',
    ]);
    expect(happenings.map((h) => staffRequestDedupeKey(h, 'r-1'))).toEqual([
      'staff_request:r-1:submitted',
      'staff_request:r-1:cancelled',
      'staff_request:r-1:approved',
      'staff_request:r-1:rejected',
      'staff_request:r-1:fulfilled',
    ]);
  });

  it('carry the request’s figures and the note, and read as the template says', () => {
    const notice = staffRequestNotice(
      { subject: 'PE', headcount: 1, neededFrom: '2026-09-01', overQuota: false },
      '欢口中心小学',
      '同意，由城区学校交流',
    );
    expect(notice).toEqual({
      schoolName: '欢口中心小学',
      subject: 'PE',
      headcount: 1,
      neededFrom: '2026-09-01',
      overQuota: false,
      note: '同意，由城区学校交流',
    });
    expect(renderNotification({ kind: 'STAFF_REQUEST_APPROVED', params: notice }).body.zh).toBe(
      '县教育局批准了欢口中心小学补充体育与健康教师 1 人（2026-09-01 起到岗）的申请，将通过交流轮岗、走教共享、调动或招聘补充。\n审批意见：同意，由城区学校交流',
    );
  });
});
