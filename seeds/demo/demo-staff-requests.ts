import { newId } from '@app/core';
import type { BulkRow, SchoolRepository, StaffRequestEntity, StaffRequestEventEntity, StaffRequestRepository, UserEntity } from '@app/database';
import { addDays, addYears, assertJustified, quotaCheck, schoolYearOf } from '@app/domain';
import type { StaffRequestEvent, StaffRequestStatus, Subject } from '@app/domain';
import type { GeneratedCounty } from '../generator/county-generator';

/** The demo's new hire (新招聘), an English teacher posted at the first school from the start of the school year: what its fulfilled request was met with. */
const NEW_HIRE = { name: '林晓雨', subject: 'ENGLISH' as Subject, gender: 'FEMALE' };

/** 09:00 Beijing time on a day, `hours` later for a later step of the same day. */
const at = (day: string, hours = 0): Date => new Date(`${day}T${String(1 + hours).padStart(2, '0')}:00:00Z`);

/**
 * One request of the demo principal's school in each status, as the desk would have recorded it: who asked
 * and when, the county officer's decision and note, and (for the fulfilled one) the posting recorded.
 */
interface DemoRequest {
  subject: Subject;
  headcount: number;
  neededFrom: string;
  reason: string;
  submittedOn: string;
  status: StaffRequestStatus;
  /** The decision (or cancellation) and the day of it. */
  decided?: { on: string; note: string | null };
}

function demoRequests(today: string): DemoRequest[] {
  const yearStart = `${schoolYearOf(today)}-09-01`;
  const nextYear = `${schoolYearOf(today) + 1}-09-01`;
  return [
    {
      subject: 'PSYCHOLOGY',
      headcount: 1,
      neededFrom: nextYear,
      reason: '学校没有专职心理健康教育教师，心理课由班主任兼上，难以保证每两周1课时',
      submittedOn: addDays(today, -3),
      status: 'SUBMITTED',
    },
    {
      subject: 'MUSIC',
      headcount: 1,
      neededFrom: nextYear,
      reason: '音乐教师明年退休，需提前补充一名专任音乐教师',
      submittedOn: addDays(today, -20),
      status: 'APPROVED',
      decided: { on: addDays(today, -10), note: '同意，秋季学期通过城乡交流轮岗安排' },
    },
    {
      subject: 'MATH',
      headcount: 2,
      neededFrom: nextYear,
      reason: '新增两个一年级班，数学教师课时量超标',
      submittedOn: addDays(today, -30),
      status: 'REJECTED',
      decided: { on: addDays(today, -25), note: '本学年编制已满，请在教育集团内走教共享解决' },
    },
    {
      subject: 'FINE_ARTS',
      headcount: 1,
      neededFrom: nextYear,
      reason: '美术教师长期病假，需补充一名美术教师',
      submittedOn: addDays(today, -40),
      status: 'CANCELLED',
      decided: { on: addDays(today, -38), note: null },
    },
    {
      subject: NEW_HIRE.subject,
      headcount: 1,
      neededFrom: yearStart,
      reason: '英语教师调往乡村学校交流，三年级英语课无人任教',
      submittedOn: addDays(yearStart, -75),
      status: 'FULFILLED',
      decided: { on: addDays(yearStart, -60), note: '同意，新学年招聘补充' },
    },
  ];
}

/**
 * The new hire that met the demo's fulfilled request: a young English teacher posted at the first school
 * (the demo principal's) from the start of the school year. Added to the generated county before it is
 * written; supply only, so no shortage flag of the school can come of it.
 */
export function addDemoNewHire(county: GeneratedCounty, countyId: string, today: string, now: Date): void {
  const school = county.directory[0];
  const yearStart = `${schoolYearOf(today)}-09-01`;
  const id = newId();
  const staffNos = county.teachers.filter((t) => String(t.staff_no).startsWith(school.code)).length;
  county.teachers.push({
    id,
    county_id: countyId,
    staff_no: `${school.code}${String(staffNos + 1).padStart(3, '0')}`,
    name: NEW_HIRE.name,
    gender: NEW_HIRE.gender,
    birth_date: addDays(addYears(yearStart, -23), -120),
    hire_date: yearStart,
    on_quota: true,
    subject: NEW_HIRE.subject,
    title_level: 'NONE',
    title_since: null,
    backbone: 'NONE',
    psychology: 'NONE',
    post: 'TEACHER',
    version: 1,
    created_at: now,
    updated_at: now,
  } satisfies BulkRow);
  county.postings.push({
    id: newId(),
    teacher_id: id,
    school_id: school.schoolId,
    start_date: yearStart,
    end_date: null,
    kind: 'REGULAR',
    fraction_milli: 1000,
    version: 1,
    created_at: now,
    updated_at: now,
  } satisfies BulkRow);
}

export interface DemoStaffRequestStores {
  requests: StaffRequestRepository;
  schools: SchoolRepository;
}

/**
 * Staff requests of the demo principal's school, one in each status, with their history: a new one for
 * a psychology teacher waiting for the county, a music teacher approved and waiting for a posting, two
 * maths teachers rejected, a fine-arts teacher withdrawn, and an English teacher fulfilled by the new hire
 * (addDemoNewHire, written before). Each is checked against the justification rule with the allocations
 * and postings written by then. No notices are sent for them.
 */
export async function seedDemoStaffRequests(
  stores: DemoStaffRequestStores,
  county: GeneratedCounty,
  countyId: string,
  people: { principal: UserEntity; officer: UserEntity },
  today: string,
): Promise<void> {
  const school = county.directory[0];
  const hire = county.teachers.find((t) => t.name === NEW_HIRE.name && String(t.staff_no).startsWith(school.code));
  const hired = county.postings.find((p) => p.teacher_id === hire?.id);
  if (!hire || !hired) throw new Error('the demo new hire is written before the demo staff requests (addDemoNewHire)');
  for (const demo of demoRequests(today)) {
    const check = quotaCheck({
      neededFrom: demo.neededFrom,
      allocated: await stores.requests.allocationOf(school.schoolId, schoolYearOf(demo.neededFrom)),
      headcountMilli: await stores.schools.onQuotaHeadcountMilli(school.schoolId, demo.neededFrom),
      requested: demo.headcount,
    });
    assertJustified(check, demo.reason);
    const submittedAt = at(demo.submittedOn);
    const decidedAt = demo.decided ? at(demo.decided.on) : null;
    const decidedByOfficer = demo.decided && demo.status !== 'CANCELLED';
    const fulfilledAt = demo.status === 'FULFILLED' ? at(String(hired.start_date), 1) : null;
    const request: StaffRequestEntity = {
      id: newId(),
      countyId,
      schoolId: school.schoolId,
      subject: demo.subject,
      headcount: demo.headcount,
      neededFrom: demo.neededFrom,
      reason: demo.reason,
      status: demo.status,
      quotaYear: check.year,
      allocatedQuota: check.allocated,
      headcountMilli: check.headcountMilli,
      overQuota: check.overQuota,
      coveredMilli: fulfilledAt ? Number(hired.fraction_milli) : 0,
      submittedOn: demo.submittedOn,
      submittedAt,
      submittedBy: people.principal.id,
      submittedByUsername: people.principal.username,
      decidedAt: decidedByOfficer ? decidedAt : null,
      decidedBy: decidedByOfficer ? people.officer.id : null,
      decidedByUsername: decidedByOfficer ? people.officer.username : null,
      decisionNote: decidedByOfficer ? (demo.decided?.note ?? null) : null,
      cancelledAt: demo.status === 'CANCELLED' ? decidedAt : null,
      fulfilledAt,
      version: 1 + (demo.decided ? 1 : 0) + (fulfilledAt ? 1 : 0),
      updatedAt: fulfilledAt ?? decidedAt ?? submittedAt,
    };
    await stores.requests.insert(request, []);
    const event = (
      kind: StaffRequestEvent,
      statusAfter: StaffRequestStatus,
      when: Date,
      who: UserEntity,
      extra: Partial<StaffRequestEventEntity> = {},
    ): StaffRequestEventEntity => ({
      id: newId(),
      requestId: request.id,
      event: kind,
      statusAfter,
      at: when,
      actorId: who.id,
      actorUsername: who.username,
      actorRole: who.role,
      note: null,
      postingId: null,
      fractionMilli: null,
      ...extra,
    });
    await stores.requests.insertEvent(event('SUBMITTED', 'SUBMITTED', submittedAt, people.principal, { note: demo.reason }));
    if (demo.status === 'CANCELLED' && decidedAt) {
      await stores.requests.insertEvent(event('CANCELLED', 'CANCELLED', decidedAt, people.principal));
    } else if (decidedAt) {
      const decision = demo.status === 'REJECTED' ? 'REJECTED' : 'APPROVED';
      await stores.requests.insertEvent(event(decision, decision, decidedAt, people.officer, { note: demo.decided?.note ?? null }));
    }
    if (fulfilledAt) {
      const fractionMilli = Number(hired.fraction_milli);
      await stores.requests.insertFulfilment({
        id: newId(),
        requestId: request.id,
        postingId: String(hired.id),
        teacherId: String(hire.id),
        kind: 'REGULAR',
        startDate: String(hired.start_date),
        endDate: null,
        fractionMilli,
        recordedAt: fulfilledAt,
        recordedBy: people.officer.id,
        recordedByUsername: people.officer.username,
      });
      await stores.requests.insertEvent(
        event('FULFILMENT_RECORDED', 'FULFILLED', fulfilledAt, people.officer, { postingId: String(hired.id), fractionMilli }),
      );
    }
  }
}
