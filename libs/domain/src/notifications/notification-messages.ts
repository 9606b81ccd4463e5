import { Label, labelOf } from '../labels/code-labels';
import type { Subject } from '../reference/codes';
import type { ShortageKind, ShortageSeverity } from '../shortage/shortage-types';
import type { NotificationKind } from './notification-kinds';

/** The longest title stored (the column's length); a longer one is cut with an ellipsis. */
export const NOTIFICATION_TITLE_MAX = 200;

/**
 * What a notification about a shortage flag says: the school, the subject short of teachers, the
 * severity, the rule's own sentence with its figures (the flag's explanation summary); the figures
 * are kept beside the text as data for the console.
 */
export interface ShortageFlagNotice {
  readonly schoolName: string;
  readonly shortageKind: ShortageKind;
  /** Null for a flag over several subjects at once (PE + music + fine arts per 100 pupils). */
  readonly subject: Subject | null;
  readonly severity: ShortageSeverity;
  readonly requiredFte: number;
  readonly actualFte: number;
  readonly gap: number;
  /** ShortageExplanation.summary of the flag, in Chinese and English. */
  readonly summary: Label;
  readonly policyVersion: string;
}

/**
 * What a notification about a staff request says: the school, the subject and headcount asked for, the
 * day needed from, whether it is above the school's allocated quota, and what the person acting wrote.
 */
export interface StaffRequestNotice {
  readonly schoolName: string;
  readonly subject: Subject;
  readonly headcount: number;
  readonly neededFrom: string;
  /** The request would take the school above its allocated quota (it had to say why). */
  readonly overQuota: boolean;
  /** The principal's reason (a new request) or the officer's note (a decision); null when none was given. */
  readonly note: string | null;
}

/**
 * What a notification about a transfer says: the teacher, the schools (and their counties) left and
 * joined, the effective date, and what was written about it: the reason of the transfer, or the receiving
 * county's reason to reject it.
 */
export interface TransferNotice {
  readonly teacherName: string;
  readonly staffNo: string;
  readonly fromSchoolName: string;
  readonly fromCountyName: string;
  readonly toSchoolName: string;
  readonly toCountyName: string;
  readonly effectiveDate: string;
  readonly note: string | null;
}

/**
 * What a notification about a rotation plan says: the county and plan year, the plan's title, how many
 * teachers it moves from when, and whether it meets the year's targets.
 */
export interface RotationPlanNotice {
  readonly countyName: string;
  readonly year: number;
  readonly title: string | null;
  readonly assignmentCount: number;
  /** The earliest first day among its assignments; null when it has none. */
  readonly firstDay: string | null;
  /** Whether it meets the year's targets; null when the notice does not say (an activated plan: it was approved so). */
  readonly meetsTargets: boolean | null;
}

/** The params each kind's template reads. A kind missing here does not compile (NotificationMessage indexes this by every kind). */
interface ParamsOfKind {
  SHORTAGE_FLAG_OPENED: ShortageFlagNotice;
  SHORTAGE_FLAG_REOPENED: ShortageFlagNotice;
  STAFF_REQUEST_SUBMITTED: StaffRequestNotice;
  STAFF_REQUEST_CANCELLED: StaffRequestNotice;
  STAFF_REQUEST_APPROVED: StaffRequestNotice;
  STAFF_REQUEST_REJECTED: StaffRequestNotice;
  STAFF_REQUEST_FULFILLED: StaffRequestNotice;
  TRANSFER_PENDING: TransferNotice;
  TRANSFER_EXECUTED: TransferNotice;
  TRANSFER_REJECTED: TransferNotice;
  TRANSFER_BLOCKED: TransferNotice;
  ROTATION_PLAN_SUBMITTED: RotationPlanNotice;
  ROTATION_PLAN_APPROVED: RotationPlanNotice;
  ROTATION_PLAN_ACTIVATED: RotationPlanNotice;
}

/** A notification to send: its kind and the params of the kind's template. */
export type NotificationMessage = { [K in NotificationKind]: { readonly kind: K; readonly params: ParamsOfKind[K] } }[NotificationKind];

/** What a notification says, in Chinese and English, as stored: it reads the same after a policy or a label changes. */
export interface NotificationText {
  readonly title: Label;
  readonly body: Label;
}

function clip(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

/**
 * A shortage flag's notice: the severity and the school (and subject) in the title; the kind of
 * shortage, the rule's own sentence with its figures, and the policy version in the body.
 */
function shortageFlagText(kind: 'SHORTAGE_FLAG_OPENED' | 'SHORTAGE_FLAG_REOPENED', notice: ShortageFlagNotice): NotificationText {
  const heading = labelOf('notificationKinds', kind);
  const severity = labelOf('shortageSeverities', notice.severity);
  const shortage = labelOf('shortageKinds', notice.shortageKind);
  const subject = notice.subject === null ? null : labelOf('subjects', notice.subject);
  const returned = kind === 'SHORTAGE_FLAG_REOPENED';
  return {
    title: {
      zh: `${heading.zh}（${severity.zh}）：${notice.schoolName}${subject ? ` · ${subject.zh}` : ''}`,
      en: `${heading.en} (${severity.en}): ${notice.schoolName}${subject ? ` · ${subject.en}` : ''}`,
    },
    body: {
      zh: `${returned ? '此前已消除的缺口再次出现。\n' : ''}${shortage.zh}：${notice.summary.zh}\n政策版本：${notice.policyVersion}`,
      en: `${returned ? 'A gap that had been resolved has returned.\n' : ''}${shortage.en}: ${notice.summary.en}\nPolicy version: ${notice.policyVersion}`,
    },
  };
}

/** The notification kinds of staff requests. */
export type StaffRequestNoticeKind = Extract<NotificationKind, `STAFF_REQUEST_${string}`>;

/** The first sentence of each staff-request notice, in both languages: who did what about which request. */
const STAFF_REQUEST_SENTENCES: { readonly [K in StaffRequestNoticeKind]: (n: StaffRequestNotice, subject: Label, asked: Label) => Label } = {
  STAFF_REQUEST_SUBMITTED: (n, subject, asked) => ({
    zh: `${n.schoolName}申请补充${subject.zh}教师${asked.zh}，${n.neededFrom} 起到岗。`,
    en: `${n.schoolName} asks for ${asked.en} of ${subject.en} from ${n.neededFrom}.`,
  }),
  STAFF_REQUEST_CANCELLED: (n, subject, asked) => ({
    zh: `${n.schoolName}撤回了补充${subject.zh}教师${asked.zh}（${n.neededFrom} 起）的申请。`,
    en: `${n.schoolName} withdrew its request for ${asked.en} of ${subject.en} from ${n.neededFrom}.`,
  }),
  STAFF_REQUEST_APPROVED: (n, subject, asked) => ({
    zh: `县教育局批准了${n.schoolName}补充${subject.zh}教师${asked.zh}（${n.neededFrom} 起到岗）的申请，将通过交流轮岗、走教共享、调动或招聘补充。`,
    en: `The county approved ${n.schoolName}'s request for ${asked.en} of ${subject.en} from ${n.neededFrom}: they will come by rotation, sharing, transfer or hiring.`,
  }),
  STAFF_REQUEST_REJECTED: (n, subject, asked) => ({
    zh: `县教育局未批准${n.schoolName}补充${subject.zh}教师${asked.zh}（${n.neededFrom} 起）的申请。`,
    en: `The county rejected ${n.schoolName}'s request for ${asked.en} of ${subject.en} from ${n.neededFrom}.`,
  }),
  STAFF_REQUEST_FULFILLED: (n, subject, asked) => ({
    zh: `${n.schoolName}补充${subject.zh}教师${asked.zh}的申请已由到岗教师补足。`,
    en: `Teachers now posted to ${n.schoolName} cover its request for ${asked.en} of ${subject.en}.`,
  }),
};

/**
 * A staff request's notice: the kind, the school, the subject and headcount in the title; in the body what
 * happened, the quota remark of a new request, and the reason or the officer's note.
 */
function staffRequestText(kind: StaffRequestNoticeKind, notice: StaffRequestNotice): NotificationText {
  const heading = labelOf('notificationKinds', kind);
  const subject = labelOf('subjects', notice.subject);
  const asked = { zh: ` ${notice.headcount} 人`, en: `${notice.headcount} teacher${notice.headcount === 1 ? '' : 's'}` };
  const sentence = STAFF_REQUEST_SENTENCES[kind](notice, subject, asked);
  const quota =
    kind === 'STAFF_REQUEST_SUBMITTED' && notice.overQuota
      ? { zh: '申请后将超出学校核定编制。', en: ' It would take the school above its allocated quota.' }
      : { zh: '', en: '' };
  const said =
    kind === 'STAFF_REQUEST_SUBMITTED' || kind === 'STAFF_REQUEST_CANCELLED' ? { zh: '申请理由', en: 'Reason' } : { zh: '审批意见', en: 'Note' };
  const note = notice.note === null ? { zh: '', en: '' } : { zh: `\n${said.zh}：${notice.note}`, en: `\n${said.en}: ${notice.note}` };
  return {
    title: {
      zh: `${heading.zh}：${notice.schoolName} · ${subject.zh}${asked.zh}`,
      en: `${heading.en}: ${notice.schoolName} · ${subject.en} × ${notice.headcount}`,
    },
    body: { zh: `${sentence.zh}${quota.zh}${note.zh}`, en: `${sentence.en}${quota.en}${note.en}` },
  };
}

/** The notification kinds of transfers. */
export type TransferNoticeKind = Extract<NotificationKind, `TRANSFER_${string}`>;

const TRANSFER_SENTENCES: { readonly [K in TransferNoticeKind]: (n: TransferNotice, from: Label, to: Label) => Label } = {
  TRANSFER_PENDING: (n, from, to) => ({
    zh: `${from.zh}拟将${n.teacherName}（${n.staffNo}）调往${to.zh}，${n.effectiveDate} 起生效，待贵县确认接收。`,
    en: `${from.en} would transfer ${n.teacherName} (${n.staffNo}) to ${to.en} from ${n.effectiveDate}: your county is to accept or reject it.`,
  }),
  TRANSFER_EXECUTED: (n, from, to) => ({
    zh: `${n.teacherName}（${n.staffNo}）自 ${n.effectiveDate} 起由${from.zh}调至${to.zh}，任教经历已登记。`,
    en: `${n.teacherName} (${n.staffNo}) moves from ${from.en} to ${to.en} from ${n.effectiveDate}; the postings are recorded.`,
  }),
  TRANSFER_REJECTED: (n, from, to) => ({
    zh: `调入县未接收${n.teacherName}（${n.staffNo}）由${from.zh}调往${to.zh}（${n.effectiveDate} 起）的调动。`,
    en: `The receiving county rejected the transfer of ${n.teacherName} (${n.staffNo}) from ${from.en} to ${to.en} from ${n.effectiveDate}.`,
  }),
  TRANSFER_BLOCKED: (n, from, to) => ({
    zh: `${n.teacherName}（${n.staffNo}）由${from.zh}调往${to.zh}（${n.effectiveDate} 起）的调动被防抢挖规则拦下；如确有必要，可由省级管理员登记例外。`,
    en: `The transfer of ${n.teacherName} (${n.staffNo}) from ${from.en} to ${to.en} from ${n.effectiveDate} was blocked by the anti-poaching rule; a province administrator may record an exception.`,
  }),
};

/** A transfer's notice: the kind and the teacher in the title; what happened, the schools and counties, and the note in the body. */
function transferText(kind: TransferNoticeKind, notice: TransferNotice): NotificationText {
  const heading = labelOf('notificationKinds', kind);
  const from = { zh: `${notice.fromCountyName}${notice.fromSchoolName}`, en: `${notice.fromSchoolName} (${notice.fromCountyName})` };
  const to = { zh: `${notice.toCountyName}${notice.toSchoolName}`, en: `${notice.toSchoolName} (${notice.toCountyName})` };
  const sentence = TRANSFER_SENTENCES[kind](notice, from, to);
  const said =
    kind === 'TRANSFER_REJECTED'
      ? { zh: '退回理由', en: 'Reason' }
      : kind === 'TRANSFER_BLOCKED'
        ? { zh: '原因', en: 'Why' }
        : { zh: '调动理由', en: 'Reason' };
  const note = notice.note === null ? { zh: '', en: '' } : { zh: `\n${said.zh}：${notice.note}`, en: `\n${said.en}: ${notice.note}` };
  return {
    title: { zh: `${heading.zh}：${notice.teacherName}`, en: `${heading.en}: ${notice.teacherName}` },
    body: { zh: `${sentence.zh}${note.zh}`, en: `${sentence.en}${note.en}` },
  };
}

/** The notification kinds of rotation plans. */
export type RotationPlanNoticeKind = Extract<NotificationKind, `ROTATION_PLAN_${string}`>;

const ROTATION_PLAN_SENTENCES: { readonly [K in RotationPlanNoticeKind]: (from: Label) => Label } = {
  ROTATION_PLAN_SUBMITTED: () => ({ zh: '计划已提交，请审批。', en: 'The plan is submitted for your approval.' }),
  ROTATION_PLAN_APPROVED: (from) => ({
    zh: `计划已批准${from.zh}，请查看本人或本校的交流安排。`,
    en: `The plan is approved${from.en}: see your own or your school's assignments in it.`,
  }),
  ROTATION_PLAN_ACTIVATED: (from) => ({
    zh: `计划已实施${from.zh}，交流教师的任教经历已登记。`,
    en: `The plan is in force${from.en}: the rotating teachers' postings are recorded.`,
  }),
};

/** A rotation plan's notice: the kind, county and year in the title; what happened, the count of teachers and the targets in the body. */
function rotationPlanText(kind: RotationPlanNoticeKind, notice: RotationPlanNotice): NotificationText {
  const heading = labelOf('notificationKinds', kind);
  const name = notice.title ?? `${notice.year}年度交流轮岗计划`;
  const from = notice.firstDay === null ? { zh: '', en: '' } : { zh: `（${notice.firstDay} 起）`, en: ` (from ${notice.firstDay})` };
  const sentence = ROTATION_PLAN_SENTENCES[kind](from);
  const count = notice.assignmentCount;
  const targets =
    notice.meetsTargets === null
      ? { zh: '', en: '' }
      : notice.meetsTargets
        ? { zh: '，达到年度交流比例要求', en: '; it meets the year’s targets' }
        : { zh: '，尚未达到年度交流比例要求', en: '; it does not meet the year’s targets yet' };
  return {
    title: { zh: `${heading.zh}：${notice.countyName} ${notice.year}年度`, en: `${heading.en}: ${notice.countyName}, ${notice.year}` },
    body: {
      zh: `${name}：交流教师 ${count} 人${targets.zh}。${sentence.zh}`,
      en: `${name}: ${count} teacher${count === 1 ? '' : 's'}${targets.en}. ${sentence.en}`,
    },
  };
}

const TEMPLATES: { readonly [K in NotificationKind]: (params: ParamsOfKind[K]) => NotificationText } = {
  SHORTAGE_FLAG_OPENED: (notice) => shortageFlagText('SHORTAGE_FLAG_OPENED', notice),
  SHORTAGE_FLAG_REOPENED: (notice) => shortageFlagText('SHORTAGE_FLAG_REOPENED', notice),
  STAFF_REQUEST_SUBMITTED: (notice) => staffRequestText('STAFF_REQUEST_SUBMITTED', notice),
  STAFF_REQUEST_CANCELLED: (notice) => staffRequestText('STAFF_REQUEST_CANCELLED', notice),
  STAFF_REQUEST_APPROVED: (notice) => staffRequestText('STAFF_REQUEST_APPROVED', notice),
  STAFF_REQUEST_REJECTED: (notice) => staffRequestText('STAFF_REQUEST_REJECTED', notice),
  STAFF_REQUEST_FULFILLED: (notice) => staffRequestText('STAFF_REQUEST_FULFILLED', notice),
  TRANSFER_PENDING: (notice) => transferText('TRANSFER_PENDING', notice),
  TRANSFER_EXECUTED: (notice) => transferText('TRANSFER_EXECUTED', notice),
  TRANSFER_REJECTED: (notice) => transferText('TRANSFER_REJECTED', notice),
  TRANSFER_BLOCKED: (notice) => transferText('TRANSFER_BLOCKED', notice),
  ROTATION_PLAN_SUBMITTED: (notice) => rotationPlanText('ROTATION_PLAN_SUBMITTED', notice),
  ROTATION_PLAN_APPROVED: (notice) => rotationPlanText('ROTATION_PLAN_APPROVED', notice),
  ROTATION_PLAN_ACTIVATED: (notice) => rotationPlanText('ROTATION_PLAN_ACTIVATED', notice),
};

function render<K extends NotificationKind>(kind: K, params: ParamsOfKind[K]): NotificationText {
  return TEMPLATES[kind](params);
}

/** The text of a notification in both languages, from its kind's template; titles cut to NOTIFICATION_TITLE_MAX characters. */
export function renderNotification(message: NotificationMessage): NotificationText {
  const { title, body } = render(message.kind, message.params);
  return { title: { zh: clip(title.zh, NOTIFICATION_TITLE_MAX), en: clip(title.en, NOTIFICATION_TITLE_MAX) }, body };
}
