import { ELIGIBILITY_RULES, ELIGIBILITY_STATUSES, RULE_OUTCOMES, RULE_UNITS } from '../eligibility/eligibility-codes';
import type { EligibilityRuleCode } from '../eligibility/eligibility-codes';
import {
  BACKBONE_LEVELS,
  CLUSTER_KINDS,
  GENDERS,
  GRADE_BANDS,
  LOCATIONS,
  POSTING_KINDS,
  POSTS,
  PSYCHOLOGY_ROLES,
  ROLES,
  STAGES,
  SUBJECTS,
  TITLE_LEVELS,
  ZONES,
} from '../reference/codes';
import { NOTIFICATION_KINDS } from '../notifications/notification-kinds';
import { QUOTA_RULES, SMALL_SCHOOL_REASONS, STAFFING_STATUSES } from '../quota/quota-types';
import {
  BACKBONE_DENOMINATORS,
  EXEMPTION_KINDS,
  EXEMPTION_REASONS,
  PLAN_WARNING_CODES,
  ROTATION_MODES,
  ROTATION_PLAN_STATUSES,
  ROTATION_REASONS,
  ROTATION_STATUSES,
  TARGET_SCOPES,
} from '../rotation/rotation-codes';
import { FLAG_STATUSES, SCAN_STATUSES, SHORTAGE_KINDS, SHORTAGE_SEVERITIES } from '../shortage/shortage-types';
import { STAFF_REQUEST_DECISIONS, STAFF_REQUEST_EVENTS, STAFF_REQUEST_STATUSES } from '../staff-requests/staff-request-types';
import { TRANSFER_STATUSES } from '../transfers/transfer-types';
import { TRAINING_CATEGORIES, TRAINING_STATUSES } from '../training/training-cycle';
import { TRAINING_ENTRY_KINDS, TRAINING_IMPORT_COLUMNS, TRAINING_RECORD_STATUSES } from '../training/training-ledger';

/** How a code reads to people: the Chinese label officers know, and an English one. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

type Labels<T extends string> = { readonly [code in T]: Label };

/**
 * Every code list with its labels, in the order of the list. Typed as a complete record per list,
 * so a code added to a list without a label is a compile error. Chinese labels are those of the
 * bureaus' own forms (职称 一级教师, 骨干 县级骨干 …); imports accept them as well as the codes.
 */
export const CODE_LABELS = {
  zones: {
    SUNAN: { zh: '苏南', en: 'Southern Jiangsu' },
    SUZHONG: { zh: '苏中', en: 'Central Jiangsu' },
    SUBEI: { zh: '苏北', en: 'Northern Jiangsu' },
  } satisfies Labels<(typeof ZONES)[number]>,
  stages: {
    PRIMARY: { zh: '小学', en: 'Primary school' },
    JUNIOR: { zh: '初级中学', en: 'Junior secondary school' },
    NINE_YEAR: { zh: '九年一贯制学校', en: 'Nine-year school' },
    SENIOR: { zh: '高级中学', en: 'Senior secondary school' },
    COMPLETE_SECONDARY: { zh: '完全中学', en: 'Complete secondary school' },
    TWELVE_YEAR: { zh: '十二年一贯制学校', en: 'Twelve-year school' },
    TEACHING_POINT: { zh: '教学点', en: 'Teaching point' },
  } satisfies Labels<(typeof STAGES)[number]>,
  locations: {
    URBAN: { zh: '城区', en: 'Urban' },
    TOWN: { zh: '镇区', en: 'Town' },
    RURAL: { zh: '乡村', en: 'Rural' },
  } satisfies Labels<(typeof LOCATIONS)[number]>,
  subjects: {
    CHINESE: { zh: '语文', en: 'Chinese' },
    MATH: { zh: '数学', en: 'Mathematics' },
    ENGLISH: { zh: '英语', en: 'English' },
    MORAL_LAW: { zh: '道德与法治（思想政治）', en: 'Morality and law (politics)' },
    HISTORY: { zh: '历史', en: 'History' },
    GEOGRAPHY: { zh: '地理', en: 'Geography' },
    SCIENCE: { zh: '科学', en: 'Science' },
    PHYSICS: { zh: '物理', en: 'Physics' },
    CHEMISTRY: { zh: '化学', en: 'Chemistry' },
    BIOLOGY: { zh: '生物', en: 'Biology' },
    INFO_TECH: { zh: '信息科技', en: 'Information technology' },
    PE: { zh: '体育与健康', en: 'Physical education' },
    MUSIC: { zh: '音乐', en: 'Music' },
    FINE_ARTS: { zh: '美术', en: 'Fine arts' },
    LABOR: { zh: '劳动', en: 'Labour education' },
    COMPREHENSIVE_PRACTICE: { zh: '综合实践活动', en: 'Comprehensive practice' },
    PSYCHOLOGY: { zh: '心理健康', en: 'Mental health' },
    SPECIAL_EDUCATION: { zh: '特殊教育', en: 'Special education' },
  } satisfies Labels<(typeof SUBJECTS)[number]>,
  genders: {
    MALE: { zh: '男', en: 'Male' },
    FEMALE: { zh: '女', en: 'Female' },
  } satisfies Labels<(typeof GENDERS)[number]>,
  titleLevels: {
    NONE: { zh: '未定级', en: 'No title' },
    THIRD: { zh: '三级教师', en: 'Third-level teacher' },
    SECOND: { zh: '二级教师', en: 'Second-level teacher' },
    FIRST: { zh: '一级教师', en: 'First-level teacher' },
    SENIOR: { zh: '高级教师', en: 'Senior teacher' },
    PRINCIPAL_SENIOR: { zh: '正高级教师', en: 'Professor-level senior teacher' },
  } satisfies Labels<(typeof TITLE_LEVELS)[number]>,
  backboneLevels: {
    NONE: { zh: '非骨干', en: 'None' },
    SCHOOL: { zh: '校级骨干', en: 'School backbone teacher' },
    COUNTY: { zh: '县级骨干', en: 'County backbone teacher' },
    CITY: { zh: '市级骨干', en: 'City backbone teacher' },
    PROVINCE: { zh: '省级骨干', en: 'Provincial backbone teacher' },
  } satisfies Labels<(typeof BACKBONE_LEVELS)[number]>,
  psychologyRoles: {
    NONE: { zh: '无', en: 'None' },
    FULL_TIME: { zh: '专职心理健康教师', en: 'Full-time mental-health teacher' },
    PART_TIME: { zh: '兼职心理健康教师', en: 'Part-time mental-health teacher' },
  } satisfies Labels<(typeof PSYCHOLOGY_ROLES)[number]>,
  posts: {
    TEACHER: { zh: '教师', en: 'Teacher' },
    VICE_PRINCIPAL: { zh: '副校长', en: 'Vice principal' },
    PRINCIPAL: { zh: '校长', en: 'Principal' },
  } satisfies Labels<(typeof POSTS)[number]>,
  postingKinds: {
    REGULAR: { zh: '常规任教', en: 'Regular post' },
    ROTATION: { zh: '交流轮岗', en: 'Rotation' },
    SUPPORT: { zh: '支教', en: 'Teaching support' },
    SHARED: { zh: '走教（共享教师）', en: 'Shared teaching' },
    SHADOWING: { zh: '跟岗学习', en: 'Shadowing' },
  } satisfies Labels<(typeof POSTING_KINDS)[number]>,
  clusterKinds: {
    GROUP: { zh: '教育集团', en: 'Education group' },
    DISTRICT: { zh: '学区', en: 'School district' },
  } satisfies Labels<(typeof CLUSTER_KINDS)[number]>,
  roles: {
    PROVINCE_ADMIN: { zh: '省级管理员', en: 'Province administrator' },
    CITY_OFFICER: { zh: '市教育局', en: 'City officer' },
    COUNTY_OFFICER: { zh: '县教育局人事科', en: 'County HR officer' },
    PRINCIPAL: { zh: '校长', en: 'Principal' },
    TEACHER: { zh: '教师', en: 'Teacher' },
  } satisfies Labels<(typeof ROLES)[number]>,
  trainingCategories: {
    NATIONAL: { zh: '国家级培训', en: 'National' },
    PROVINCIAL: { zh: '省级培训', en: 'Provincial' },
    MUNICIPAL: { zh: '市级培训', en: 'Municipal' },
    COUNTY: { zh: '县级培训', en: 'County' },
    SCHOOL_BASED: { zh: '校本研修', en: 'School-based' },
    ONLINE: { zh: '网络研修', en: 'Online' },
  } satisfies Labels<(typeof TRAINING_CATEGORIES)[number]>,
  trainingRecordStatuses: {
    SUBMITTED: { zh: '待审核', en: 'Submitted' },
    APPROVED: { zh: '已通过', en: 'Approved' },
    REJECTED: { zh: '已退回', en: 'Rejected' },
  } satisfies Labels<(typeof TRAINING_RECORD_STATUSES)[number]>,
  trainingEntryKinds: {
    RECORD: { zh: '登记', en: 'Record' },
    REVERSAL: { zh: '冲销', en: 'Reversal' },
  } satisfies Labels<(typeof TRAINING_ENTRY_KINDS)[number]>,
  trainingStatuses: {
    COMPLETE: { zh: '已完成', en: 'Complete' },
    ON_TRACK: { zh: '进度正常', en: 'On track' },
    BEHIND: { zh: '进度滞后', en: 'Behind pace' },
  } satisfies Labels<(typeof TRAINING_STATUSES)[number]>,
  trainingImportColumns: {
    staffNo: { zh: '工号', en: 'Staff number' },
    title: { zh: '培训名称', en: 'Title' },
    provider: { zh: '举办单位', en: 'Provider' },
    category: { zh: '类别', en: 'Category' },
    hours: { zh: '学时', en: 'Hours' },
    startDate: { zh: '开始日期', en: 'Start date' },
    endDate: { zh: '结束日期', en: 'End date' },
  } satisfies Labels<(typeof TRAINING_IMPORT_COLUMNS)[number]>,
  eligibilityRules: {
    RURAL_OR_WEAK_SERVICE: { zh: '乡村或薄弱学校任教经历', en: 'Service at a rural or weak school' },
    TITLE_TENURE: { zh: '现职称任职年限', en: 'Years holding the current title' },
    TRAINING_ON_PACE: { zh: '培训学时进度', en: 'Training hours on pace' },
  } satisfies Labels<EligibilityRuleCode>,
  eligibilityStatuses: {
    ELIGIBLE: { zh: '符合申报条件', en: 'Eligible' },
    NOT_YET: { zh: '暂不符合', en: 'Not yet eligible' },
    HOLDS_TITLE: { zh: '已具备高级职称', en: 'Holds a senior title already' },
  } satisfies Labels<(typeof ELIGIBILITY_STATUSES)[number]>,
  ruleUnits: {
    days: { zh: '天', en: 'days' },
    years: { zh: '年', en: 'years' },
    hours: { zh: '学时', en: 'hours' },
  } satisfies Labels<(typeof RULE_UNITS)[number]>,
  ruleOutcomes: {
    PASSED: { zh: '满足', en: 'Met' },
    FAILED: { zh: '不满足', en: 'Not met' },
  } satisfies Labels<(typeof RULE_OUTCOMES)[number]>,
  shortageKinds: {
    SUBJECT_GAP: { zh: '学科教师缺口', en: 'Subject short of teachers' },
    ZERO_COVERAGE: { zh: '学科无人任教（开不齐）', en: 'Subject nobody teaches' },
    PSY_FULLTIME_MISSING: { zh: '缺专职心理健康教师', en: 'No full-time mental-health teacher' },
    PSY_PARTTIME_SHORT: { zh: '心理健康教师未按师生比配足', en: 'Too few mental-health teachers for the pupils' },
    PE_ARTS_RATIO_LOW: { zh: '体育艺术教师配比不足', en: 'Too few PE and arts teachers for the pupils' },
  } satisfies Labels<(typeof SHORTAGE_KINDS)[number]>,
  shortageSeverities: {
    MEDIUM: { zh: '一般', en: 'Medium' },
    HIGH: { zh: '较重', en: 'High' },
    CRITICAL: { zh: '严重', en: 'Critical' },
  } satisfies Labels<(typeof SHORTAGE_SEVERITIES)[number]>,
  flagStatuses: {
    OPEN: { zh: '未解决', en: 'Open' },
    RESOLVED: { zh: '已解决', en: 'Resolved' },
  } satisfies Labels<(typeof FLAG_STATUSES)[number]>,
  scanStatuses: {
    QUEUED: { zh: '排队中', en: 'Queued' },
    RUNNING: { zh: '扫描中', en: 'Running' },
    DONE: { zh: '已完成', en: 'Done' },
    FAILED: { zh: '失败', en: 'Failed' },
  } satisfies Labels<(typeof SCAN_STATUSES)[number]>,
  rotationModes: {
    DISTRICT: { zh: '学区内交流', en: 'Within the school district' },
    GROUP: { zh: '集团内交流', en: 'Within the education group' },
    URBAN_RURAL: { zh: '城乡交流', en: 'Between town and country' },
    TEAM: { zh: '团队式交流', en: 'As a team' },
    SHARED: { zh: '紧缺学科校际共享（走教）', en: 'Shared teacher of a subject in short supply' },
    SHADOWING: { zh: '新教师跟岗', en: 'New teacher shadowing' },
  } satisfies Labels<(typeof ROTATION_MODES)[number]>,
  rotationPlanStatuses: {
    DRAFT: { zh: '草稿', en: 'Draft' },
    SUBMITTED: { zh: '已提交', en: 'Submitted' },
    APPROVED: { zh: '已批准', en: 'Approved' },
    ACTIVE: { zh: '实施中', en: 'Active' },
    COMPLETED: { zh: '已办结', en: 'Completed' },
    CANCELLED: { zh: '已撤销', en: 'Cancelled' },
  } satisfies Labels<(typeof ROTATION_PLAN_STATUSES)[number]>,
  planWarnings: {
    SENDING_SCHOOL_LOSES_LAST_TEACHER: { zh: '派出学校将失去该学科最后一名教师', en: 'The sending school loses its last teacher of the subject' },
    RECEIVING_SCHOOL_NO_NEED: { zh: '接收学校无该学科用人需求', en: 'The receiving school has no open need for the subject' },
  } satisfies Labels<(typeof PLAN_WARNING_CODES)[number]>,
  rotationStatuses: {
    ELIGIBLE: { zh: '应交流', en: 'Due to rotate' },
    EXEMPT: { zh: '免于交流', en: 'Exempt' },
    NOT_ELIGIBLE: { zh: '不在交流范围', en: 'Not concerned' },
  } satisfies Labels<(typeof ROTATION_STATUSES)[number]>,
  rotationReasons: {
    NOT_ON_QUOTA: { zh: '非在编', en: 'Not on the staffing quota' },
    NOT_AT_SCHOOL: { zh: '无常规任教学校', en: 'No regular post at a school' },
    TOO_FEW_YEARS: { zh: '在本校连续任教年限不足', en: 'Too few years at the school' },
  } satisfies Labels<(typeof ROTATION_REASONS)[number]>,
  exemptionKinds: {
    AGE: { zh: '年龄', en: 'Age' },
    RECORDED: { zh: '登记免交流', en: 'Recorded exemption' },
  } satisfies Labels<(typeof EXEMPTION_KINDS)[number]>,
  exemptionReasons: {
    ILLNESS: { zh: '患病', en: 'Illness' },
    PREGNANCY: { zh: '孕期或哺乳期', en: 'Pregnancy or nursing' },
    FAMILY_HARDSHIP: { zh: '家庭特殊困难', en: 'Family hardship' },
    POST_NEEDS: { zh: '岗位工作需要', en: 'Needed in post' },
    OTHER: { zh: '其他', en: 'Other' },
  } satisfies Labels<(typeof EXEMPTION_REASONS)[number]>,
  targetScopes: {
    SCHOOL: { zh: '学校', en: 'School' },
    COUNTY: { zh: '全县', en: 'County' },
  } satisfies Labels<(typeof TARGET_SCOPES)[number]>,
  backboneDenominators: {
    ROTATING: { zh: '交流人数', en: 'Teachers rotating' },
    ELIGIBLE: { zh: '符合交流条件人数', en: 'Teachers eligible' },
  } satisfies Labels<(typeof BACKBONE_DENOMINATORS)[number]>,
  notificationKinds: {
    SHORTAGE_FLAG_OPENED: { zh: '新增教师缺口预警', en: 'New shortage flag' },
    SHORTAGE_FLAG_REOPENED: { zh: '教师缺口预警再次出现', en: 'Shortage flag reopened' },
    STAFF_REQUEST_SUBMITTED: { zh: '新的补充教师申请', en: 'New staff request' },
    STAFF_REQUEST_CANCELLED: { zh: '补充教师申请已撤回', en: 'Staff request cancelled' },
    STAFF_REQUEST_APPROVED: { zh: '补充教师申请已批准', en: 'Staff request approved' },
    STAFF_REQUEST_REJECTED: { zh: '补充教师申请未获批准', en: 'Staff request rejected' },
    STAFF_REQUEST_FULFILLED: { zh: '补充教师已到岗补足', en: 'Staff request fulfilled' },
    ROTATION_PLAN_SUBMITTED: { zh: '交流轮岗计划待审批', en: 'Rotation plan submitted for approval' },
    ROTATION_PLAN_APPROVED: { zh: '交流轮岗计划已批准', en: 'Rotation plan approved' },
    ROTATION_PLAN_ACTIVATED: { zh: '交流轮岗计划已实施', en: 'Rotation plan activated' },
    TRANSFER_PENDING: { zh: '待确认的调入', en: 'Transfer to accept' },
    TRANSFER_EXECUTED: { zh: '调动已办理', en: 'Transfer executed' },
    TRANSFER_REJECTED: { zh: '调动被调入县退回', en: 'Transfer rejected' },
    TRANSFER_BLOCKED: { zh: '调动被防抢挖规则拦下', en: 'Transfer blocked' },
  } satisfies Labels<(typeof NOTIFICATION_KINDS)[number]>,
  gradeBands: {
    primary: { zh: '小学', en: 'Primary' },
    junior: { zh: '初中', en: 'Junior secondary' },
    senior: { zh: '高中', en: 'Senior secondary' },
  } satisfies Labels<(typeof GRADE_BANDS)[number]>,
  quotaRules: {
    STUDENT_RATIO: { zh: '按生师比核定', en: 'Pupils per staff member' },
    CLASS_RATIO: { zh: '按班师比核定', en: 'Staff per class' },
    ROUNDING: { zh: '向上取整', en: 'Rounded up to whole posts' },
    BOARDING: { zh: '寄宿制学校增加编制', en: 'Boarding add-on' },
  } satisfies Labels<(typeof QUOTA_RULES)[number]>,
  smallSchoolReasons: {
    STAGE: { zh: '教学点', en: 'Teaching point' },
    LOCATION: { zh: '乡村小规模学校', en: 'Small rural school' },
  } satisfies Labels<(typeof SMALL_SCHOOL_REASONS)[number]>,
  staffingStatuses: {
    UNDER: { zh: '有空编', en: 'Posts to fill' },
    AT_QUOTA: { zh: '满编', en: 'At quota' },
    OVER: { zh: '超编', en: 'Overstaffed' },
    UNALLOCATED: { zh: '未分配编制', en: 'No allocation' },
  } satisfies Labels<(typeof STAFFING_STATUSES)[number]>,
  staffRequestStatuses: {
    SUBMITTED: { zh: '待审批', en: 'Submitted' },
    APPROVED: { zh: '已批准', en: 'Approved' },
    REJECTED: { zh: '未批准', en: 'Rejected' },
    FULFILLED: { zh: '已补足', en: 'Fulfilled' },
    CANCELLED: { zh: '已撤回', en: 'Cancelled' },
  } satisfies Labels<(typeof STAFF_REQUEST_STATUSES)[number]>,
  staffRequestDecisions: {
    APPROVE: { zh: '批准', en: 'Approve' },
    REJECT: { zh: '不予批准', en: 'Reject' },
  } satisfies Labels<(typeof STAFF_REQUEST_DECISIONS)[number]>,
  staffRequestEvents: {
    SUBMITTED: { zh: '提交申请', en: 'Submitted' },
    APPROVED: { zh: '批准', en: 'Approved' },
    REJECTED: { zh: '不予批准', en: 'Rejected' },
    CANCELLED: { zh: '撤回申请', en: 'Cancelled' },
    FULFILMENT_RECORDED: { zh: '登记到岗', en: 'Fulfilment recorded' },
  } satisfies Labels<(typeof STAFF_REQUEST_EVENTS)[number]>,
  transferStatuses: {
    BLOCKED: { zh: '防抢挖规则拦下', en: 'Blocked by the anti-poaching rule' },
    PENDING: { zh: '待调入县确认', en: 'Waiting for the receiving county' },
    EXECUTED: { zh: '已办理', en: 'Executed' },
    REJECTED: { zh: '调入县退回', en: 'Rejected by the receiving county' },
    CANCELLED: { zh: '已撤回', en: 'Cancelled' },
  } satisfies Labels<(typeof TRANSFER_STATUSES)[number]>,
} as const;

export type CodeList = keyof typeof CODE_LABELS;

/** The codes of each list in their defined order (ordered lists such as titles stay lowest first). */
export const CODE_LISTS: { readonly [list in CodeList]: readonly (keyof (typeof CODE_LABELS)[list])[] } = {
  zones: ZONES,
  stages: STAGES,
  locations: LOCATIONS,
  subjects: SUBJECTS,
  genders: GENDERS,
  titleLevels: TITLE_LEVELS,
  backboneLevels: BACKBONE_LEVELS,
  psychologyRoles: PSYCHOLOGY_ROLES,
  posts: POSTS,
  postingKinds: POSTING_KINDS,
  clusterKinds: CLUSTER_KINDS,
  roles: ROLES,
  trainingCategories: TRAINING_CATEGORIES,
  trainingRecordStatuses: TRAINING_RECORD_STATUSES,
  trainingEntryKinds: TRAINING_ENTRY_KINDS,
  trainingStatuses: TRAINING_STATUSES,
  trainingImportColumns: TRAINING_IMPORT_COLUMNS,
  eligibilityRules: ELIGIBILITY_RULES,
  eligibilityStatuses: ELIGIBILITY_STATUSES,
  ruleUnits: RULE_UNITS,
  ruleOutcomes: RULE_OUTCOMES,
  shortageKinds: SHORTAGE_KINDS,
  shortageSeverities: SHORTAGE_SEVERITIES,
  flagStatuses: FLAG_STATUSES,
  scanStatuses: SCAN_STATUSES,
  rotationModes: ROTATION_MODES,
  rotationPlanStatuses: ROTATION_PLAN_STATUSES,
  planWarnings: PLAN_WARNING_CODES,
  rotationStatuses: ROTATION_STATUSES,
  rotationReasons: ROTATION_REASONS,
  exemptionKinds: EXEMPTION_KINDS,
  exemptionReasons: EXEMPTION_REASONS,
  targetScopes: TARGET_SCOPES,
  backboneDenominators: BACKBONE_DENOMINATORS,
  notificationKinds: NOTIFICATION_KINDS,
  gradeBands: GRADE_BANDS,
  quotaRules: QUOTA_RULES,
  smallSchoolReasons: SMALL_SCHOOL_REASONS,
  staffingStatuses: STAFFING_STATUSES,
  staffRequestStatuses: STAFF_REQUEST_STATUSES,
  staffRequestDecisions: STAFF_REQUEST_DECISIONS,
  staffRequestEvents: STAFF_REQUEST_EVENTS,
  transferStatuses: TRANSFER_STATUSES,
};

/** The label of a code of a list, e.g. `labelOf('titleLevels', 'FIRST').zh` → 一级教师. */
export function labelOf<L extends CodeList>(list: L, code: keyof (typeof CODE_LABELS)[L]): Label {
  return CODE_LABELS[list][code] as Label;
}

/**
 * The code a spreadsheet cell means: the code itself (any case) or its Chinese or English label
 * (surrounding spaces ignored); undefined when the cell names none of the list.
 */
export function codeFromLabel<L extends CodeList>(list: L, text: string): keyof (typeof CODE_LABELS)[L] | undefined {
  const wanted = text.trim();
  if (wanted === '') return undefined;
  const upper = wanted.toUpperCase();
  const lower = wanted.toLowerCase();
  for (const code of CODE_LISTS[list]) {
    const label = CODE_LABELS[list][code] as Label;
    if (String(code).toUpperCase() === upper || label.zh === wanted || label.en.toLowerCase() === lower) return code;
  }
  return undefined;
}
