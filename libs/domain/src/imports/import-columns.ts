import type { CodeList } from '../labels/code-labels';
import { TRAINING_IMPORT_COLUMNS } from '../training/training-ledger';

/**
 * The sheets a county's registry is brought in as (docs/rules.md, "Imports and exports"), in the order they depend
 * on each other: schools, then their classification changes and enrolment, teachers, then the teachers' postings.
 */
export const SHEET_KINDS = ['schools', 'classifications', 'enrolment', 'teachers', 'postings'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** The whole registry in one workbook: a sheet of each kind, read in the order of SHEET_KINDS. */
export const REGISTRY_KIND = 'registry';

/** The training records of a county's teachers (培训记录): one sheet of their own, not part of the registry's workbook. */
export const TRAINING_RECORDS_KIND = 'training-records';

/** What an import holds, each with its template and export: one sheet of a kind, or the registry's workbook of every kind. */
export const IMPORT_KINDS = [...SHEET_KINDS, TRAINING_RECORDS_KIND, REGISTRY_KIND] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The kinds of one sheet. */
export type OneSheetKind = SheetKind | typeof TRAINING_RECORDS_KIND;

/** An import's life: queued, read and checked by a job (RUNNING), READY to commit (or not, with errors), COMMITTED, or FAILED unreadable. */
export const IMPORT_STATUSES = ['QUEUED', 'RUNNING', 'READY', 'COMMITTED', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** How a cell is read. */
export type ColumnType =
  | { readonly kind: 'text'; readonly maxLength: number; readonly pattern?: RegExp; readonly patternMessage?: string }
  | { readonly kind: 'code'; readonly list: CodeList }
  | { readonly kind: 'bool' }
  | { readonly kind: 'date' }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | { readonly kind: 'fraction' }
  | { readonly kind: 'extraSubjects' };

/** A column of an import sheet: the create-body field name (nested ones flattened), its headings and how it reads. */
export interface ImportColumn {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly type: ColumnType;
  readonly required: boolean;
  /** What the notes sheet says of the column, in Chinese. */
  readonly note: string;
  /** The template's example row. */
  readonly example: string | number;
}

const CODE_PATTERN = { pattern: /^[A-Za-z0-9_-]+$/, patternMessage: 'may hold letters, digits, dash and underscore' };
const text = (maxLength: number, coded = false): ColumnType => ({ kind: 'text', maxLength, ...(coded ? CODE_PATTERN : {}) });
const code = (list: CodeList): ColumnType => ({ kind: 'code', list });
const BOOL: ColumnType = { kind: 'bool' };
const DATE: ColumnType = { kind: 'date' };

const SCHOOL_CODE: ImportColumn = {
  key: 'schoolCode',
  zh: '学校代码',
  en: 'School code',
  type: text(32, true),
  required: true,
  note: '本县已有（或同批导入）的学校代码',
  example: 'FX0001',
};
const STAFF_NO: ImportColumn = {
  key: 'staffNo',
  zh: '工号',
  en: 'Staff number',
  type: text(32, true),
  required: true,
  note: '本县教师的工号，字母、数字、-、_',
  example: 'FX2008031',
};

/** A sheet of a kind: its Chinese name, its English name, other names it is known by, and its columns in order. */
export interface ImportSheet {
  readonly zh: string;
  readonly en: string;
  readonly aliases: readonly string[];
  readonly columns: readonly ImportColumn[];
}

/** The sheets of each kind, in the order of their columns. */
export const IMPORT_SHEETS: { readonly [kind in OneSheetKind]: ImportSheet } = {
  schools: {
    zh: '学校基本信息',
    en: 'Schools',
    aliases: ['学校基本信息表'],
    columns: [
      {
        key: 'code',
        zh: '学校代码',
        en: 'School code',
        type: text(32, true),
        required: true,
        note: '学校在本县的代码（唯一），字母、数字、-、_',
        example: 'FX0001',
      },
      { key: 'name', zh: '学校名称', en: 'Name', type: text(100), required: true, note: '学校全称', example: '丰县城南小学' },
      { key: 'stage', zh: '学段', en: 'Stage', type: code('stages'), required: true, note: '从下拉列表选择', example: '小学' },
      {
        key: 'location',
        zh: '城乡类别',
        en: 'Location',
        type: code('locations'),
        required: true,
        note: '自分类起始日期起的城乡类别',
        example: '城区',
      },
      { key: 'weak', zh: '薄弱学校', en: 'Weak school', type: BOOL, required: true, note: '是 / 否', example: '否' },
      {
        key: 'townshipCentral',
        zh: '乡镇中心学校',
        en: 'Township central school',
        type: BOOL,
        required: false,
        note: '是 / 否，空为否',
        example: '否',
      },
      { key: 'boarding', zh: '寄宿制学校', en: 'Boarding school', type: BOOL, required: false, note: '是 / 否，空为否', example: '否' },
      {
        key: 'classifiedFrom',
        zh: '分类起始日期',
        en: 'Classified from',
        type: DATE,
        required: false,
        note: '城乡类别和薄弱学校的起始日期（YYYY-MM-DD），空为 1900-01-01；以后的变更见“学校分类变更”',
        example: '2015-09-01',
      },
      {
        key: 'groupId',
        zh: '教育集团',
        en: 'Education group',
        type: text(100),
        required: false,
        note: '本县已有的教育集团名称（或其 id）；空为不变（新学校为无）',
        example: '',
      },
      {
        key: 'districtId',
        zh: '学区',
        en: 'School district',
        type: text(100),
        required: false,
        note: '本县已有的学区名称（或其 id）；空为不变（新学校为无）',
        example: '',
      },
    ],
  },
  classifications: {
    zh: '学校分类变更',
    en: 'Classifications',
    aliases: ['学校分类'],
    columns: [
      SCHOOL_CODE,
      {
        key: 'effectiveFrom',
        zh: '生效日期',
        en: 'Effective from',
        type: DATE,
        required: true,
        note: '新分类的第一天（YYYY-MM-DD）',
        example: '2022-09-01',
      },
      {
        key: 'location',
        zh: '城乡类别',
        en: 'Location',
        type: code('locations'),
        required: false,
        note: '空为不变；与薄弱学校至少填一项',
        example: '乡村',
      },
      { key: 'weak', zh: '薄弱学校', en: 'Weak school', type: BOOL, required: false, note: '是 / 否，空为不变', example: '是' },
    ],
  },
  enrolment: {
    zh: '在校生情况',
    en: 'Enrolment',
    aliases: ['在校生'],
    columns: [
      SCHOOL_CODE,
      {
        key: 'schoolYear',
        zh: '学年',
        en: 'School year',
        type: { kind: 'int', min: 2000, max: 2100 },
        required: true,
        note: '学年的起始年份（2026 即 2026—2027 学年）',
        example: 2026,
      },
      {
        key: 'grade',
        zh: '年级',
        en: 'Grade',
        type: { kind: 'int', min: 1, max: 12 },
        required: true,
        note: '1—12（初一为 7，高一为 10），须为本校学段所设年级',
        example: 1,
      },
      {
        key: 'students',
        zh: '学生数',
        en: 'Students',
        type: { kind: 'int', min: 0, max: 20000 },
        required: true,
        note: '该年级在校生人数',
        example: 90,
      },
      {
        key: 'classes',
        zh: '班级数',
        en: 'Classes',
        type: { kind: 'int', min: 0, max: 500 },
        required: true,
        note: '不多于学生数；有学生时至少 1',
        example: 2,
      },
      {
        key: 'boarders',
        zh: '寄宿生数',
        en: 'Boarders',
        type: { kind: 'int', min: 0, max: 100000 },
        required: false,
        note: '全校寄宿生人数，同一学校同一学年各行须相同，空为 0',
        example: 0,
      },
    ],
  },
  teachers: {
    zh: '教师花名册',
    en: 'Teachers',
    aliases: [],
    columns: [
      STAFF_NO,
      { key: 'name', zh: '姓名', en: 'Name', type: text(50), required: true, note: '', example: '王静' },
      { key: 'gender', zh: '性别', en: 'Gender', type: code('genders'), required: true, note: '男 / 女', example: '女' },
      { key: 'birthDate', zh: '出生日期', en: 'Birth date', type: DATE, required: true, note: 'YYYY-MM-DD', example: '1986-04-12' },
      { key: 'hireDate', zh: '入职日期', en: 'Hire date', type: DATE, required: true, note: 'YYYY-MM-DD，年满 16 岁后', example: '2008-09-01' },
      { key: 'onQuota', zh: '在编', en: 'On quota', type: BOOL, required: true, note: '是 / 否', example: '是' },
      { key: 'subject', zh: '任教学科', en: 'Subject', type: code('subjects'), required: true, note: '主教学科', example: '语文' },
      {
        key: 'extraSubjects',
        zh: '兼任学科',
        en: 'Extra subjects',
        type: { kind: 'extraSubjects' },
        required: false,
        note: '一专多能：学科:周课时占比，多个用分号隔开，如 音乐:0.3;美术:0.2；空为无',
        example: '音乐:0.2',
      },
      { key: 'titleLevel', zh: '职称', en: 'Title level', type: code('titleLevels'), required: true, note: '从下拉列表选择', example: '一级教师' },
      {
        key: 'titleSince',
        zh: '职称取得日期',
        en: 'Title since',
        type: DATE,
        required: false,
        note: '未定级时留空，其余必填',
        example: '2018-09-01',
      },
      {
        key: 'backbone',
        zh: '骨干等级',
        en: 'Backbone level',
        type: code('backboneLevels'),
        required: true,
        note: '从下拉列表选择',
        example: '县级骨干',
      },
      {
        key: 'psychology',
        zh: '心理健康教师',
        en: 'Psychology role',
        type: code('psychologyRoles'),
        required: true,
        note: '专职 / 兼职 / 无',
        example: '无',
      },
      { key: 'post', zh: '岗位', en: 'Post', type: code('posts'), required: true, note: '教师 / 副校长 / 校长', example: '教师' },
    ],
  },
  postings: {
    zh: '任教经历',
    en: 'Postings',
    aliases: [],
    columns: [
      STAFF_NO,
      SCHOOL_CODE,
      {
        key: 'schoolCountyId',
        zh: '学校所在县',
        en: 'School county',
        type: { kind: 'text', maxLength: 6, pattern: /^\d{6}$/, patternMessage: 'must be the 6-digit code of a county' },
        required: false,
        note: '在外县（区）学校任教（如支教、交流）时填该校所在县（区）的代码；空为本县',
        example: '',
      },
      { key: 'startDate', zh: '开始日期', en: 'Start date', type: DATE, required: true, note: '不早于入职日期', example: '2008-09-01' },
      { key: 'endDate', zh: '结束日期', en: 'End date', type: DATE, required: false, note: '最后一天（含）；空为至今', example: '' },
      { key: 'kind', zh: '任教类型', en: 'Kind', type: code('postingKinds'), required: true, note: '从下拉列表选择', example: '常规任教' },
      {
        key: 'fraction',
        zh: '任教比例',
        en: 'Fraction',
        type: { kind: 'fraction' },
        required: false,
        note: '占全职岗位的比例，大于 0 且不超过 1，至多三位小数；空为 1。任何一天各校比例合计不得超过 1',
        example: 1,
      },
    ],
  },
  'training-records': {
    zh: '培训记录',
    en: 'Training records',
    aliases: [],
    columns: TRAINING_IMPORT_COLUMNS.map((key) => trainingColumn(key)),
  },
};

function trainingColumn(key: (typeof TRAINING_IMPORT_COLUMNS)[number]): ImportColumn {
  const columns: Record<typeof key, Omit<ImportColumn, 'key'>> = {
    staffNo: { ...STAFF_NO },
    title: { zh: '培训名称', en: 'Title', type: text(200), required: true, note: '', example: '江苏省乡村教师培训' },
    provider: { zh: '举办单位', en: 'Provider', type: text(200), required: true, note: '', example: '江苏省教育厅' },
    category: { zh: '类别', en: 'Category', type: code('trainingCategories'), required: true, note: '从下拉列表选择', example: '省级培训' },
    hours: { zh: '学时', en: 'Hours', type: text(10), required: true, note: '按 0.5 学时计', example: 24 },
    startDate: { zh: '开始日期', en: 'Start date', type: DATE, required: true, note: 'YYYY-MM-DD', example: '2026-07-01' },
    endDate: { zh: '结束日期', en: 'End date', type: DATE, required: true, note: 'YYYY-MM-DD，同一培训周期内', example: '2026-07-03' },
  };
  return { key, ...columns[key] };
}

/** The columns of a kind. */
export function importColumns(kind: OneSheetKind): readonly ImportColumn[] {
  return IMPORT_SHEETS[kind].columns;
}

/** True when a workbook's sheet named `name` is a sheet of `kind`: its Chinese name (or a name it is known by), its English name, or the kind itself (any case). */
export function isSheetOf(kind: OneSheetKind, name: string): boolean {
  const wanted = name.trim();
  const lower = wanted.toLowerCase();
  const sheet = IMPORT_SHEETS[kind];
  return sheet.zh === wanted || sheet.aliases.includes(wanted) || sheet.en.toLowerCase() === lower || kind === lower;
}

/** The registry's kind of a workbook's sheet by its name (undefined: not a sheet of the registry). */
export function sheetKindOf(name: string): SheetKind | undefined {
  return SHEET_KINDS.find((kind) => isSheetOf(kind, name));
}

/** True when `text` names a kind of import (`schools`, …). */
export function isImportKind(text: unknown): text is ImportKind {
  return typeof text === 'string' && (IMPORT_KINDS as readonly string[]).includes(text);
}
