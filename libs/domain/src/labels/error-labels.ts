/** What an error code answered by the API means, for people: its HTTP status and an explanation in Chinese and English. */
export interface ErrorLabel {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
}

/**
 * Every stable error code the API answers (the `code` of an error body), grouped by status. A
 * unit test reads the sources and fails when a code is thrown somewhere without a label here.
 */
export const ERROR_LABELS = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '请求内容不符合要求，各字段的问题见 details.fields',
    en: 'The request is not valid; details.fields names each bad field and why',
  },
  UNAUTHORIZED: { status: 401, zh: '未登录，或登录已失效，请重新登录', en: 'Not signed in, or the sign-in has expired: sign in again' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  FORBIDDEN: { status: 403, zh: '您的角色无权进行此操作', en: 'Your role may not do this' },
  NOT_FOUND: { status: 404, zh: '未找到，或不在您的管辖范围内', en: 'Not found, or outside your scope' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '该地址不支持此请求方法', en: 'This address does not take this request method' },
  CONFLICT: { status: 409, zh: '与已保存的数据冲突', en: 'Conflicts with the stored data' },
  VERSION_CONFLICT: {
    status: 409,
    zh: '数据已被他人修改，请刷新后重新提交',
    en: 'Someone else changed it since you read it: reload and try again',
  },
  SCHOOL_CODE_TAKEN: { status: 409, zh: '本县已有使用该代码的学校', en: 'The county already has a school with this code' },
  STAFF_NO_TAKEN: { status: 409, zh: '本县已有使用该工号的教师', en: 'The county already has a teacher with this staff number' },
  USERNAME_TAKEN: { status: 409, zh: '该用户名已被使用', en: 'The username is taken' },
  CLUSTER_NAME_TAKEN: {
    status: 409,
    zh: '本县已有同名的教育集团或学区',
    en: 'The county already has an education group or school district of this name',
  },
  DUPLICATE: { status: 409, zh: '已存在相同的记录', en: 'A record with the same unique key exists already' },
  QUEUE_DASHBOARD_UNAVAILABLE: {
    status: 409,
    zh: '本服务在进程内运行任务（未配置 Redis），没有任务队列看板；请查看最近的缺员扫描记录',
    en: 'This service runs its jobs in process (no Redis): there is no queue dashboard; see the recent shortage scans instead',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容超过大小上限', en: 'The request body is larger than allowed' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '不支持该内容类型、字符集或压缩方式',
    en: 'The content type, character set or encoding is not supported',
  },
  UNPROCESSABLE: { status: 422, zh: '请求无法处理', en: 'The request cannot be processed' },
  POSTING_OVERLAP: {
    status: 422,
    zh: '任教经历重叠：某一天的任教比例合计将超过 1',
    en: "On some day the teacher's postings would add up to more than one full post",
  },
  IMPORT_HAS_ERRORS: {
    status: 422,
    zh: '导入文件有错误，未写入任何数据；请按错误清单（或错误报告）修改后重新导入',
    en: 'The import has errors and wrote nothing: fix the rows its errors name (or its error report) and import again',
  },
  IMPORT_NOT_READY: {
    status: 422,
    zh: '该导入尚未检查完毕、检查失败或已提交，不能提交',
    en: 'The import is still being checked, could not be read, or was committed already: it cannot be committed',
  },
  IMPORT_UNKNOWN_SHEET: {
    status: 422,
    zh: '工作簿中有本系统不认识的工作表：请按模板命名工作表（学校基本信息、学校分类变更、在校生情况、教师花名册、任教经历），或删去该表',
    en: 'The workbook has a sheet the desk does not know: name its sheets as the template does (Schools, Classifications, Enrolment, Teachers, Postings) or remove it',
  },
  POSTING_BEFORE_HIRE: { status: 422, zh: '任教经历不能早于入职日期', en: "A posting cannot start before the teacher's hire date" },
  ROTATION_OTHER_COUNTY: {
    status: 422,
    zh: '交流轮岗限于本县（区）内：教师和交流学校都须属于该计划所在的县',
    en: "A rotation stays within the plan's county: the teacher and the destination must both belong to it",
  },
  ROTATION_NOT_AT_SCHOOL: {
    status: 422,
    zh: '教师在交流开始之日没有常规任教学校，无从交流',
    en: 'On the first day of the assignment the teacher has no regular post at a school to rotate from',
  },
  ROTATION_SAME_SCHOOL: { status: 422, zh: '交流学校不能是教师现任教的学校', en: "A rotation goes to another school than the teacher's own" },
  ROTATION_TEACHER_TWICE: { status: 422, zh: '该教师已在本交流计划中', en: 'The teacher has an assignment in this plan already' },
  ROTATION_TEAM_APART: {
    status: 422,
    zh: '团队式交流的成员须同校、同起止日期交流',
    en: 'The members of a team rotate together: same destination, same first and last day',
  },
  ROTATION_PLAN_NOT_DRAFT: {
    status: 422,
    zh: '只有草稿状态的交流计划才能修改或提交',
    en: 'Only a draft rotation plan can be changed or submitted',
  },
  ROTATION_PLAN_NOT_SUBMITTED: { status: 422, zh: '只有已提交的交流计划才能审批', en: 'Only a submitted rotation plan can be approved' },
  ROTATION_PLAN_NOT_APPROVED: { status: 422, zh: '只有已批准的交流计划才能实施', en: 'Only an approved rotation plan can be activated' },
  ROTATION_PLAN_NOT_ACTIVE: { status: 422, zh: '只有实施中的交流计划才能办结', en: 'Only an active rotation plan can be completed' },
  ROTATION_PLAN_NOT_CANCELLABLE: {
    status: 422,
    zh: '交流计划实施后不能撤销（已办结或已撤销的也不能）；提前结束交流请调整任教经历',
    en: 'A rotation plan cannot be cancelled once activated (nor once completed or cancelled); end a rotation early by correcting its postings',
  },
  ROTATION_PLAN_EMPTY: { status: 422, zh: '交流计划中尚无交流安排，不能提交', en: 'A plan without assignments cannot be submitted' },
  ROTATION_TERMS_RUNNING: {
    status: 422,
    zh: '交流期限尚未全部届满，计划暂不能办结',
    en: "The plan's terms have not all ended yet: it cannot be completed",
  },
  SUBEI_POACHING_BLOCKED: {
    status: 422,
    zh: '省内发达地区不得从苏北地区抢挖优秀校长和教师，调动未办理；原因见 details',
    en: 'Developed regions may not poach outstanding principals and teachers from Subei: the transfer is refused (details say why)',
  },
  TRANSFER_NOT_AT_SCHOOL: {
    status: 422,
    zh: '教师在调动生效之日没有常规任教学校（或其常规任教经历当日才开始），无从调出',
    en: 'On the effective date the teacher has no regular post at a school to transfer from (or it only starts that day)',
  },
  TRANSFER_SAME_SCHOOL: { status: 422, zh: '调入学校不能是教师现任教的学校', en: "A transfer goes to another school than the teacher's own" },
  TRANSFER_NOT_PENDING: {
    status: 422,
    zh: '只有待调入县确认的调动才能接收或退回',
    en: 'Only a transfer waiting for the receiving county can be accepted or rejected',
  },
  TRANSFER_NOT_BLOCKED: {
    status: 422,
    zh: '只有被防抢挖规则拦下的调动才能登记例外',
    en: 'An exception is recorded only on a transfer the anti-poaching rule blocked',
  },
  TRANSFER_NOT_CANCELLABLE: {
    status: 422,
    zh: '调动已办理、已退回或已撤回，不能再撤回',
    en: 'The transfer was executed, rejected or cancelled already: it cannot be cancelled',
  },
  POLICY_VERSION_EXISTS: {
    status: 422,
    zh: '该政策版本已存在；已发布的版本不可修改，请发布新版本',
    en: 'This policy version exists already; versions are never changed, publish a new one',
  },
  POLICY_BACKDATED: {
    status: 422,
    zh: '政策版本的生效日期不能早于今天，否则会改变已给出的结论',
    en: 'A policy version cannot take effect before today: it would change answers already given',
  },
  WRONG_CURRENT_PASSWORD: {
    status: 422,
    zh: '当前密码错误，密码未修改',
    en: 'The current password is wrong; the password was not changed',
  },
  OWN_ACCOUNT: {
    status: 422,
    zh: '不能对自己的账号进行此操作：本人密码请在“修改密码”中更改，停用账号须由其他管理人员办理',
    en: 'Not on your own account: change your own password with your current one; another officer disables an account',
  },
  ALREADY_DECIDED: { status: 422, zh: '该培训记录已审核，审核结果不可更改', en: 'The training record has been decided; a decision is final' },
  NOT_APPROVED: { status: 422, zh: '只有已通过的培训记录才能冲销', en: 'Only approved training records can be reversed' },
  ALREADY_REVERSED: { status: 422, zh: '该培训记录已冲销', en: 'The training record has been reversed already' },
  NOT_REVERSIBLE: { status: 422, zh: '冲销记录本身不能再冲销', en: 'A reversal entry cannot itself be reversed' },
  QUOTA_NOT_APPROVED: {
    status: 422,
    zh: '本县尚未录入该年度的核定编制总数，请先录入后再分配',
    en: 'The county has no approved quota total for the year: enter it before allocating',
  },
  QUOTA_POOL_EXCEEDED: {
    status: 422,
    zh: '各校分配的编制合计将超过本县该年度的核定编制总数',
    en: "The schools' allocations would add up to more than the county's approved total for the year",
  },
  QUOTA_BELOW_ALLOCATED: {
    status: 422,
    zh: '核定编制总数不能低于已分配给各校的编制合计，请先核减学校分配',
    en: "The approved total cannot be below what is allocated to the county's schools already: lower allocations first",
  },
  QUOTA_MOVE_EXCEEDS_ALLOCATION: {
    status: 422,
    zh: '调出学校该年度的分配编制不足以调出这么多',
    en: 'The school giving posts holds fewer than the amount to move this year',
  },
  STAFF_REQUEST_ALREADY_DECIDED: {
    status: 422,
    zh: '该补充教师申请已有审批结果，审批结果不可更改，也不能再撤回',
    en: 'The staff request has been decided: a decision is final, and a decided request cannot be cancelled',
  },
  STAFF_REQUEST_CANCELLED: { status: 422, zh: '该补充教师申请已由学校撤回', en: 'The staff request was cancelled by its school' },
  STAFF_REQUEST_NOT_APPROVED: {
    status: 422,
    zh: '只有已批准的补充教师申请才能登记到岗',
    en: 'Only an approved staff request can be fulfilled',
  },
  STAFF_REQUEST_ALREADY_FULFILLED: {
    status: 422,
    zh: '该补充教师申请已补足人数，无需再登记到岗',
    en: 'The staff request is fulfilled already: its headcount is covered',
  },
  JUSTIFICATION_REQUIRED: {
    status: 422,
    zh: '申请后将超出学校核定编制（或该学年未分配编制），请填写不少于 10 个字的申请理由',
    en: 'The request would take the school above its allocated quota (or none is allocated for the year): give a reason of at least 10 characters',
  },
  FLAG_NOT_OF_SCHOOL: {
    status: 422,
    zh: '所引用的缺口预警不属于本校',
    en: 'A cited shortage flag is not a flag of the requesting school',
  },
  FLAG_NOT_OPEN: { status: 422, zh: '所引用的缺口预警已解决，只能引用未解决的预警', en: 'A cited shortage flag is resolved: cite open flags only' },
  POSTING_NOT_AT_SCHOOL: {
    status: 422,
    zh: '该任教经历不在申请学校，不能计入该申请',
    en: "The posting is at another school than the request's",
  },
  POSTING_PREDATES_REQUEST: {
    status: 422,
    zh: '该任教经历开始于申请提交之前，不是新补充的教师',
    en: 'The posting starts before the request was submitted: it is not new supply',
  },
  POSTING_ENDS_BEFORE_NEEDED: {
    status: 422,
    zh: '该任教经历在需要到岗日期之前已结束',
    en: 'The posting ends before the day the staff are needed from',
  },
  POSTING_SUBJECT_MISMATCH: {
    status: 422,
    zh: '该教师不任教所申请的学科（主教或兼教）',
    en: 'The posted teacher does not teach the subject asked for (as main or extra subject)',
  },
  POSTING_ALREADY_COUNTED: {
    status: 422,
    zh: '该任教经历已计入一项补充教师申请',
    en: 'The posting counts towards a staff request already',
  },
  REQUEST_REFUSED: {
    status: 400,
    zh: '请求未被受理（其他 4xx 状态），原因见 message',
    en: 'The request was refused (another 4xx status); message says why',
  },
  TOO_MANY_ATTEMPTS: { status: 429, zh: '登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins: wait and try again' },
  TOO_MANY_REQUESTS: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests: wait and try again' },
  INTERNAL_ERROR: { status: 500, zh: '系统内部错误，请联系管理员', en: 'Internal error: please tell the administrator' },
} as const satisfies Record<string, ErrorLabel>;

export type ErrorCode = keyof typeof ERROR_LABELS;
