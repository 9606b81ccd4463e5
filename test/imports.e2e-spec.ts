import { Workbook } from 'exceljs';
import { encode } from 'iconv-lite';
import { BulkWriter, ImportRepository, TransactionHost } from '@app/database';
import { IMPORT_SHEETS, importColumns, JIANGSU_2024_POLICY, SHEET_KINDS } from '@app/domain';
import { generateCounty } from '@app/seeds/generator/county-generator';
import { writeCounty } from '@app/seeds/generator/write-county';
import { account, Client, loginAdmin } from './support/api';
import { eventually } from './support/eventually';
import { Cell, Importer, sheetValues, workbookOf, XLSX } from './support/imports';
import { createTestApp, TestApp } from './support/test-app';

async function xlsxOf(sheetName: string, rows: Cell[][]): Promise<Buffer> {
  return workbookWith({ [sheetName]: rows });
}

/** A workbook of several sheets, in the order given. */
async function workbookWith(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const workbook = new Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row.map((c) => (c !== null && typeof c === 'object' ? { formula: c.formula, result: 1 } : c)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Registry imports and exports through HTTP on the profile of the environment: templates, a preview by a job then a
 * commit of all rows or none, errors named by sheet, row and column with the API's own codes, GBK CSV, idempotent
 * re-imports, the round trip of a generated county into an empty one, formulas and injection, limits and scope.
 */
describe('registry imports and exports', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let liyang: Client;

  beforeAll(async () => {
    t = await createTestApp({ env: { IMPORT_MAX_BYTES: '2000000', IMPORT_MAX_ROWS: '5000' } });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    liyang = await account(t, admin, { username: 'officer.liyang', role: 'COUNTY_OFFICER', countyId: '320481' });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const imports = () => new Importer(t);
  const send = (client: Client, countyId: string, kind: string, bytes: Buffer, contentType = XLSX) =>
    imports().send(client, countyId, kind, bytes, contentType);
  const preview = (client: Client, countyId: string, kind: string, bytes: Buffer) => imports().preview(client, countyId, kind, bytes);
  const importAndCommit = (client: Client, countyId: string, kind: string, bytes: Buffer) => imports().commit(client, countyId, kind, bytes);
  const download = (client: Client, path: string) => imports().download(client, path);

  it('offers a template of each kind with Chinese headings, an example row, notes and drop-down lists; each imports back', async () => {
    for (const kind of [...SHEET_KINDS, 'training-records'] as const) {
      const response = await download(officer, `/imports/templates/${kind}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain(XLSX);
      const workbook = await workbookOf(response.body as Buffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([IMPORT_SHEETS[kind].zh, '说明', '代码表']);
      const [headings, example] = sheetValues(workbook, IMPORT_SHEETS[kind].zh);
      expect(headings).toEqual(importColumns(kind).map((c) => c.zh));
      expect(example.length).toBeGreaterThan(0);
      const notes = sheetValues(workbook, '说明');
      expect(notes.slice(1, importColumns(kind).length + 1).map((r) => r[1])).toEqual(importColumns(kind).map((c) => c.key));
    }
    const schools = await workbookOf((await download(officer, '/imports/templates/schools')).body as Buffer);
    const validations = (schools.getWorksheet('学校基本信息') as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
      .dataValidations.model;
    expect(Object.values(validations).map((v) => v.formulae[0])).toContain("'代码表'!$B$1:$B$3");
    expect(
      sheetValues(schools, '代码表')
        .map((r) => r[1])
        .slice(0, 3),
    ).toEqual(['城区', '镇区', '乡村']);
    expect((await download(officer, '/imports/templates/pupils')).status).toBe(400);

    // The templates' example rows fit together: imported in order into an empty county, every one is written.
    for (const kind of SHEET_KINDS) {
      const template = (await download(officer, `/imports/templates/${kind}`)).body as Buffer;
      const committed = await importAndCommit(officer, '320321', kind, template);
      expect(committed).toMatchObject({ status: 'COMMITTED', rows: 1, counts: { created: 1, updated: 0, unchanged: 0 } });
    }
    const teachers = (await officer.get('/teachers?countyId=320321&q=FX2008031')).body.items;
    expect(teachers).toHaveLength(1);
    expect(teachers[0]).toMatchObject({
      name: '王静',
      title: { level: 'FIRST', since: '2018-09-01' },
      backbone: 'COUNTY',
      extraSubjects: [{ subject: 'MUSIC', fraction: 0.2 }],
    });
    const postings = (await officer.get(`/teachers/${teachers[0].id}/postings`)).body;
    expect(JSON.stringify(postings)).toContain('2008-09-01');

    // The training records' template imports back through the training import (multipart XLSX).
    const training = (await download(officer, '/imports/templates/training-records')).body as Buffer;
    const imported = await t
      .http()
      .post('/api/v1/counties/320321/training-records/import')
      .set('Authorization', `Bearer ${officer.token}`)
      .attach('file', training, '培训记录.xlsx');
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ imported: 1, status: 'SUBMITTED' });
  });

  it('names every problem with its sheet, row and column, with the API’s codes, and writes nothing', async () => {
    const before = (await officer.get('/teachers?countyId=320321')).body.total;
    const file = await xlsxOf('任教经历', [
      ['工号', '学校代码', '开始日期', '结束日期', '任教类型', '任教比例'],
      ['FX2008031', 'FX0001', '2030-09-01', '2030-08-01', '常规任教', 1],
      [],
      ['FX2008031', 'NOWHERE', '2031-09-01', null, '常规任教', 1],
      ['FX2008031', 'FX0001', '2001-09-01', null, '常规任教', 1],
      ['FX2008031', 'FX0001', '2009-09-01', null, '交流轮岗', 0.5],
      ['NOBODY', 'FX0001', '2009/9/1', null, '火星任教', 2],
      ['FX2008031', 'FX0001', { formula: 'TODAY()' }, null, '常规任教', 1],
    ]);
    const checked = await preview(officer, '320321', 'postings', file);
    expect(checked).toMatchObject({ status: 'READY', kind: 'postings', rows: 6 });
    expect(checked.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['任教经历', 2, 'endDate', 'VALIDATION_FAILED'],
      ['任教经历', 4, 'schoolCode', 'NOT_FOUND'],
      ['任教经历', 5, 'startDate', 'POSTING_BEFORE_HIRE'],
      ['任教经历', 6, 'startDate', 'POSTING_OVERLAP'],
      ['任教经历', 7, 'kind', 'VALIDATION_FAILED'],
      ['任教经历', 7, 'fraction', 'VALIDATION_FAILED'],
      ['任教经历', 8, 'startDate', 'VALIDATION_FAILED'],
    ]);
    expect(checked.errors.find((e) => e.row === 8)?.message).toContain('formula');
    const commit = await officer.post(`/imports/${checked.id}/commit`);
    expect(commit.status).toBe(422);
    expect(commit.body.code).toBe('IMPORT_HAS_ERRORS');
    expect((await officer.get('/teachers?countyId=320321')).body.total).toBe(before);

    // The error report is the sheet as sent with a column of messages.
    const report = await download(officer, `/imports/${checked.id}/error-report`);
    expect(report.status).toBe(200);
    const rows = sheetValues(await workbookOf(report.body as Buffer), '任教经历');
    expect(rows[0]).toEqual(['工号', '学校代码', '开始日期', '结束日期', '任教类型', '任教比例', '导入错误']);
    expect(String(rows[1][6] as string)).toContain('endDate: cannot be before startDate');
    expect(String(rows[2][6] as string)).toContain('NOWHERE');
  });

  it('reads a GBK CSV with Chinese headings and labels, and a second identical import changes nothing', async () => {
    const csv = [
      '工号,姓名,性别,出生日期,入职日期,在编,任教学科,兼任学科,职称,职称取得日期,骨干等级,心理健康教师,岗位',
      'FX2010001,喆堃,男,1988-03-02,2010-09-01,是,数学,,二级教师,2013-09-01,非骨干,无,教师',
      'FX2010002,欧阳娜娜,女,1990/7/9,2012-09-01,否,心理健康,科学:0.3,未定级,,校级骨干,专职心理健康教师,副校长',
    ].join('\r\n');
    const first = await importAndCommit(officer, '320321', 'teachers', encode(csv, 'gbk'));
    expect(first.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const [zhe] = (await officer.get('/teachers?countyId=320321&q=FX2010001')).body.items;
    expect(zhe).toMatchObject({ name: '喆堃', gender: 'MALE', subject: 'MATH', title: { level: 'SECOND', since: '2013-09-01' } });
    const [ouyang] = (await officer.get('/teachers?countyId=320321&q=FX2010002')).body.items;
    expect(ouyang).toMatchObject({ name: '欧阳娜娜', birthDate: '1990-07-09', onQuota: false, psychology: 'FULL_TIME', post: 'VICE_PRINCIPAL' });

    const again = await importAndCommit(officer, '320321', 'teachers', encode(csv, 'gbk'));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect((await officer.get(`/teachers/${zhe.id}`)).body.version).toBe(zhe.version);
    const audit = (await admin.get('/audit?action=import.teachers')).body;
    expect(JSON.stringify(audit)).toContain('"unchanged":2');

    // One edited cell is one update.
    const edited = await importAndCommit(officer, '320321', 'teachers', encode(csv.replace('喆堃', '喆堃堃'), 'gbk'));
    expect(edited.counts).toEqual({ created: 0, updated: 1, unchanged: 1 });
  });

  it('offers the registry as one workbook: a sheet of each kind in the order they depend on each other, in each kind’s shape', async () => {
    const response = await download(officer, '/imports/templates/registry');
    expect(response.status).toBe(200);
    const workbook = await workbookOf(response.body as Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...SHEET_KINDS.map((k) => IMPORT_SHEETS[k].zh), '说明', '代码表']);
    for (const kind of SHEET_KINDS) {
      const single = await workbookOf((await download(officer, `/imports/templates/${kind}`)).body as Buffer);
      expect(sheetValues(workbook, IMPORT_SHEETS[kind].zh)).toEqual(sheetValues(single, IMPORT_SHEETS[kind].zh));
    }
    const notes = sheetValues(workbook, '说明').map((r) => r[1]);
    expect(notes).toEqual(expect.arrayContaining([...SHEET_KINDS, ...importColumns('postings').map((c) => c.key)]));
    // Every drop-down of every sheet reads a list of the one 代码表.
    const lists = sheetValues(workbook, '代码表');
    const validations = (workbook.getWorksheet('教师花名册') as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
      .dataValidations.model;
    for (const v of Object.values(validations)) {
      const [, letter, last] = /\$([A-Z]+)\$1:\$[A-Z]+\$(\d+)$/.exec(v.formulae[0]) ?? [];
      const column = letter.charCodeAt(0) - 64;
      expect(lists[Number(last) - 1][column - 1]).not.toBeNull();
    }
  });

  it('reads a registry workbook sheet by sheet: errors in three sheets each name their sheet, row and column, and nothing is written', async () => {
    const headings = (kind: (typeof SHEET_KINDS)[number]) => importColumns(kind).map((c) => c.zh);
    const file = await workbookWith({
      // In the workbook's own order; read schools first, then teachers, then postings.
      任教经历: [
        headings('postings'),
        ['PZ2010001', 'PZ0001', null, '2010-09-01', null, '常规任教', 1],
        ['PZ2010001', 'PZ0009', null, '2015-09-01', null, '常规任教', 0.5],
        ['PZ2010002', 'PZ0001', null, '2009-09-01', null, '常规任教', 1],
      ],
      教师花名册: [
        headings('teachers'),
        ['PZ2010001', '李明', '男', '1985-03-02', '2010-09-01', '是', '数学', null, '二级教师', '2013-09-01', '非骨干', '无', '教师'],
        ['PZ2010002', '赵雪', '火星人', '1987-05-06', '2011-09-01', '是', '语文', null, '未定级', null, '非骨干', '无', '教师'],
      ],
      Schools: [
        ['code', 'name', 'stage', 'location', 'weak'],
        ['PZ0001', '邳州测试小学', '小学', '乡村', '否'],
        ['PZ0002', '邳州测试中学', '大学', '乡村', '否'],
      ],
      备注: [['随便写的']],
    });
    const checked = await preview(officer, '320321', 'registry', file);
    expect(checked).toMatchObject({ status: 'READY', kind: 'registry', rows: 7 });
    expect(checked.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['备注', 1, null, 'IMPORT_UNKNOWN_SHEET'],
      ['Schools', 3, 'stage', 'VALIDATION_FAILED'],
      ['教师花名册', 3, 'gender', 'VALIDATION_FAILED'],
      ['任教经历', 3, 'schoolCode', 'NOT_FOUND'],
      ['任教经历', 4, 'staffNo', 'NOT_FOUND'],
    ]);
    // Each column is named by its heading in the template too, whatever heading the sheet used (Schools: the field names).
    expect(checked.errors.map((e) => e.heading)).toEqual([null, '学段', '性别', '学校代码', '工号']);
    const commit = await officer.post(`/imports/${checked.id}/commit`);
    expect(commit.status).toBe(422);
    expect(commit.body.code).toBe('IMPORT_HAS_ERRORS');
    expect((await officer.get('/schools?countyId=320321&q=PZ')).body.total).toBe(0);
    expect((await officer.get('/teachers?countyId=320321&q=PZ')).body.total).toBe(0);

    // The error report holds every sheet as sent, each with its own messages.
    const report = await workbookOf((await download(officer, `/imports/${checked.id}/error-report`)).body as Buffer);
    expect(report.worksheets.map((s) => s.name)).toEqual(['任教经历', '教师花名册', 'Schools', '备注']);
    expect(String(sheetValues(report, '任教经历')[2][7] as string)).toContain('PZ0009');
    expect(String(sheetValues(report, '教师花名册')[2][13] as string)).toContain('gender');
    expect(sheetValues(report, 'Schools')[1]).toHaveLength(5);
    expect(String(sheetValues(report, 'Schools')[2][5] as string)).toContain('stage');

    // A CSV holds one sheet: it is no registry.
    const csv = await send(officer, '320321', 'registry', Buffer.from('code,name\nX,Y\n'), 'text/csv');
    expect(csv.status).toBe(400);
    expect(csv.body.details.fields.file).toBeDefined();
  });

  it('commits a registry workbook whose later sheets name the schools and teachers of its earlier ones; a second import changes nothing', async () => {
    const template = (await download(officer, '/imports/templates/registry')).body as Buffer;
    // The template's example rows, one of each kind, fit together: into an empty county in one commit, then again unchanged.
    const first = await importAndCommit(admin, '320382', 'registry', template);
    expect(first.counts).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect((await admin.get('/teachers?countyId=320382&q=FX2008031')).body.total).toBe(1);
    const twice = await importAndCommit(admin, '320382', 'registry', template);
    expect(twice.counts).toEqual({ created: 0, updated: 0, unchanged: 5 });

    const headings = (kind: (typeof SHEET_KINDS)[number]) => importColumns(kind).map((c) => c.zh);
    const file = await workbookWith({
      postings: [
        headings('postings'),
        ['XY2010001', 'XY0001', null, '2010-09-01', '2019-08-31', '常规任教', 1],
        ['XY2010001', 'XY0002', null, '2019-09-01', null, '常规任教', 1],
      ],
      Teachers: [
        headings('teachers'),
        ['XY2010001', '孙丽', '女', '1986-01-02', '2010-09-01', '是', '英语', null, '一级教师', '2016-09-01', '县级骨干', '无', '教师'],
      ],
      在校生: [headings('enrolment'), ['XY0001', 2026, 1, 80, 2, 0], ['XY0001', 2026, 2, 75, 2, 0]],
      学校分类: [headings('classifications'), ['XY0002', '2024-09-01', '镇区', null]],
      学校基本信息: [
        headings('schools'),
        ['XY0001', '新沂测试小学', '小学', '乡村', '否', '否', '否', null],
        ['XY0002', '新沂测试中学', '初级中学', '乡村', '是', '否', '否', null],
      ],
    });
    const committed = await importAndCommit(liyang, '320481', 'registry', file);
    expect(committed).toMatchObject({ status: 'COMMITTED', kind: 'registry', rows: 8, counts: { created: 7, updated: 0, unchanged: 0 } });
    const [teacher] = (await liyang.get('/teachers?countyId=320481&q=XY2010001')).body.items;
    const postings = (await liyang.get(`/teachers/${teacher.id}/postings`)).body;
    expect(JSON.stringify(postings)).toContain('新沂测试中学');
    const [middle] = (await liyang.get('/schools?countyId=320481&q=XY0002&asOf=2025-01-01')).body.items;
    expect(middle).toMatchObject({ location: 'TOWN', weak: true });
    const audit = (await admin.get('/audit?action=import.registry')).body;
    expect(JSON.stringify(audit)).toContain('"created":7');

    const again = await importAndCommit(liyang, '320481', 'registry', file);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 7 });
    expect((await liyang.get(`/teachers/${teacher.id}`)).body.version).toBe(teacher.version);
  });

  it('answers 409 VERSION_CONFLICT, never 500, when a school with the same code is created between the check and the write; committed again it updates it', async () => {
    const checked = await preview(officer, '320321', 'schools', Buffer.from('code,name,stage,location,weak\nFX0950,丰县赛跑小学,PRIMARY,RURAL,否\n'));
    expect(checked.errorCount).toBe(0);
    const created = await officer.post('/schools', {
      countyId: '320321',
      code: 'FX0950',
      name: '丰县抢先小学',
      stage: 'PRIMARY',
      location: 'URBAN',
      weak: false,
    });
    expect(created.status).toBe(201);
    // The commit reads the registry as it stood before the school was created (a request that wrote in between).
    const repository = t.app.get(ImportRepository);
    const read = repository.snapshot.bind(repository);
    const spy = jest.spyOn(repository, 'snapshot').mockImplementationOnce(async (countyId, kind) => {
      const registry = await read(countyId, kind);
      return {
        ...registry,
        schools: registry.schools.filter((s) => s.code !== 'FX0950'),
        classifications: registry.classifications.filter((c) => c.schoolId !== created.body.id),
      };
    });
    try {
      const raced = await officer.post(`/imports/${checked.id}/commit`);
      expect(raced.status).toBe(409);
      expect(raced.body.code).toBe('VERSION_CONFLICT');
    } finally {
      spy.mockRestore();
    }
    expect((await officer.get(`/imports/${checked.id}`)).body.status).toBe('READY');
    const schools = (await officer.get('/schools?countyId=320321&q=FX0950')).body.items;
    expect(schools.map((s: { name: string }) => s.name)).toEqual(['丰县抢先小学']);

    const again = await officer.post(`/imports/${checked.id}/commit`);
    expect(again.status).toBe(200);
    expect(again.body.counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await officer.get(`/schools/${created.body.id}`)).body.name).toBe('丰县赛跑小学');
  });

  it('imports training records through the import job with the training rules’ codes, by teacher, title and dates; a decided record is never changed', async () => {
    await importAndCommit(
      officer,
      '320321',
      'teachers',
      Buffer.from(
        'staffNo,name,gender,birthDate,hireDate,onQuota,subject,titleLevel,titleSince,backbone,psychology,post\n' +
          'TR2015001,周培,女,1990-02-03,2015-09-01,是,语文,二级教师,2018-09-01,非骨干,无,教师\n',
      ),
    );
    const [teacher] = (await officer.get('/teachers?countyId=320321&q=TR2015001')).body.items;
    const heading = '工号,培训名称,举办单位,类别,学时,开始日期,结束日期';
    const bad = [
      heading,
      'TR2015001,江苏省乡村教师培训,江苏省教育厅,省级培训,24,2026-07-01,2026-07-03',
      'TR2015001,校本研修一,丰县城南小学,校本研修,7.3,2026-03-02,2026-03-02',
      'NOBODY,江苏省乡村教师培训,江苏省教育厅,省级培训,24,2026-07-01,2026-07-03',
      'TR2015001,江苏省乡村教师培训,江苏省教育厅,省级培训,24,2026-07-01,2026-07-03',
      'TR2015001,明年的培训,江苏省教育厅,省级培训,8,2027-01-04,2027-01-04',
      'TR2015001,一天三十学时,江苏省教育厅,月球培训,30,2026-05-04,2026-05-04',
    ].join('\n');
    const checked = await preview(officer, '320321', 'training-records', Buffer.from(bad));
    expect(checked).toMatchObject({ status: 'READY', kind: 'training-records', rows: 6 });
    expect(checked.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['培训记录', 3, 'hours', 'VALIDATION_FAILED'],
      ['培训记录', 4, 'staffNo', 'NOT_FOUND'],
      ['培训记录', 5, 'title', 'DUPLICATE'],
      ['培训记录', 6, 'startDate', 'VALIDATION_FAILED'],
      ['培训记录', 6, 'endDate', 'VALIDATION_FAILED'],
      ['培训记录', 7, 'category', 'VALIDATION_FAILED'],
    ]);
    const refused = await officer.post(`/imports/${checked.id}/commit`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('IMPORT_HAS_ERRORS');
    expect((await officer.get(`/teachers/${teacher.id}/training-records`)).body.items).toHaveLength(0);

    const good = [
      heading,
      'TR2015001,江苏省乡村教师培训,江苏省教育厅,省级培训,24,2026-07-01,2026-07-03',
      'TR2015001,校本研修一,丰县城南小学,校本研修,7.5,2026-03-02,2026-03-02',
    ].join('\n');
    const first = await importAndCommit(officer, '320321', 'training-records', Buffer.from(good));
    expect(first.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const records = (await officer.get(`/teachers/${teacher.id}/training-records`)).body.items as {
      id: string;
      title: string;
      status: string;
      hours: number;
    }[];
    expect(records.map((r) => [r.title, r.status, r.hours]).sort()).toEqual([
      ['校本研修一', 'SUBMITTED', 7.5],
      ['江苏省乡村教师培训', 'SUBMITTED', 24],
    ]);
    const again = await importAndCommit(officer, '320321', 'training-records', Buffer.from(good));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const audit = (await admin.get('/audit?action=import.training-records')).body;
    expect(JSON.stringify(audit)).toContain('"created":2');

    // A record still waiting is updated; an approved one is never changed.
    const edited = await importAndCommit(officer, '320321', 'training-records', Buffer.from(good.replace(',7.5,', ',6,')));
    expect(edited.counts).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const provincial = records.find((r) => r.title === '江苏省乡村教师培训') as { id: string };
    expect((await officer.post(`/training-records/${provincial.id}/approve`)).status).toBe(200);
    const decided = await preview(officer, '320321', 'training-records', Buffer.from(good.replace(',24,', ',16,')));
    expect(decided.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, 'hours', 'ALREADY_DECIDED']]);

    // Exported in the template's shape, imported again: nothing changes.
    const exported = await download(officer, '/counties/320321/exports/training-records');
    expect(exported.status).toBe(200);
    const rows = sheetValues(await workbookOf(exported.body as Buffer), '培训记录');
    expect(rows[0]).toEqual(importColumns('training-records').map((c) => c.zh));
    expect(rows.filter((r) => r[0] === 'TR2015001')).toHaveLength(2);
    const same = await importAndCommit(officer, '320321', 'training-records', exported.body as Buffer);
    expect(same.counts).toMatchObject({ created: 0, updated: 0 });
  });

  it('reads and writes a school’s education group and school district (groupId, districtId) by their names, an empty cell keeping them', async () => {
    const group = await officer.post('/school-clusters', { countyId: '320321', kind: 'GROUP', name: '丰县实验小学教育集团' });
    expect(group.status).toBe(201);
    const district = await officer.post('/school-clusters', { countyId: '320321', kind: 'DISTRICT', name: '丰县城区学区' });
    expect(district.status).toBe(201);
    const heading = 'code,name,stage,location,weak,groupId,districtId';
    const checked = await preview(
      officer,
      '320321',
      'schools',
      Buffer.from(
        `${heading}\nFX0960,丰县集团小学,PRIMARY,URBAN,否,丰县实验小学教育集团,${district.body.id as string}\nFX0961,丰县无名小学,PRIMARY,URBAN,否,丰县城区学区,\n`,
      ),
    );
    // A district named as a group is no group of the county, as the API answers for the create body's groupId.
    expect(checked.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'groupId', 'VALIDATION_FAILED']]);

    const committed = await importAndCommit(
      officer,
      '320321',
      'schools',
      Buffer.from(`${heading}\nFX0960,丰县集团小学,PRIMARY,URBAN,否,丰县实验小学教育集团,${district.body.id as string}\n`),
    );
    expect(committed.counts).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const [school] = (await officer.get('/schools?countyId=320321&q=FX0960')).body.items;
    expect(school).toMatchObject({ groupId: group.body.id, districtId: district.body.id });

    const kept = await importAndCommit(officer, '320321', 'schools', Buffer.from(`${heading}\nFX0960,丰县集团小学,PRIMARY,URBAN,否,,\n`));
    expect(kept.counts).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const exported = await download(officer, '/counties/320321/exports/schools');
    const row = sheetValues(await workbookOf(exported.body as Buffer), '学校基本信息').find((r) => r[0] === 'FX0960');
    expect(row?.slice(-2)).toEqual(['丰县实验小学教育集团', '丰县城区学区']);
    const same = await importAndCommit(officer, '320321', 'schools', exported.body as Buffer);
    expect(same.counts).toMatchObject({ created: 0, updated: 0 });
  });

  it('keeps a posting at another county’s school (schoolCountyId), allowed exactly where the API allows it', async () => {
    await importAndCommit(officer, '320321', 'schools', Buffer.from('code,name,stage,location,weak\nFX0980,丰县派出小学,PRIMARY,RURAL,否\n'));
    const outside = await liyang.post('/schools', {
      countyId: '320481',
      code: 'LY0980',
      name: '溧阳受援小学',
      stage: 'PRIMARY',
      location: 'RURAL',
      weak: true,
    });
    expect(outside.status).toBe(201);
    await importAndCommit(
      officer,
      '320321',
      'teachers',
      Buffer.from(
        'staffNo,name,gender,birthDate,hireDate,onQuota,subject,titleLevel,titleSince,backbone,psychology,post\n' +
          'SE2012001,钱援,男,1988-06-07,2012-09-01,是,数学,一级教师,2018-09-01,非骨干,无,教师\n',
      ),
    );
    const [teacher] = (await officer.get('/teachers?countyId=320321&q=SE2012001')).body.items;
    const csv = Buffer.from(
      'staffNo,schoolCode,schoolCountyId,startDate,endDate,kind,fraction\n' +
        'SE2012001,FX0980,,2012-09-01,2024-08-31,REGULAR,1\n' +
        'SE2012001,LY0980,320481,2024-09-01,2026-07-31,SUPPORT,1\n',
    );
    // A county officer reaches only their county's schools: the API answers 404 for that school, the import NOT_FOUND.
    expect(
      (await officer.post(`/teachers/${teacher.id}/postings`, { schoolId: outside.body.id, startDate: '2024-09-01', kind: 'SUPPORT' })).status,
    ).toBe(404);
    const refused = await preview(officer, '320321', 'postings', csv);
    expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'schoolCode', 'NOT_FOUND']]);

    // The province administrator reaches it, through the API and through the import alike.
    const committed = await importAndCommit(admin, '320321', 'postings', csv);
    expect(committed.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(JSON.stringify((await officer.get(`/teachers/${teacher.id}/postings`)).body)).toContain('溧阳受援小学');

    // Exported with the school's county; the officer's own export imports back unchanged, the seconded posting kept.
    const exported = await download(officer, '/counties/320321/exports/postings');
    const rows = sheetValues(await workbookOf(exported.body as Buffer), '任教经历').filter((r) => r[0] === 'SE2012001');
    expect(rows.map((r) => [r[0], r[1], r[2] ?? null, r[3]])).toEqual([
      ['SE2012001', 'FX0980', null, '2012-09-01'],
      ['SE2012001', 'LY0980', '320481', '2024-09-01'],
    ]);
    const same = await importAndCommit(officer, '320321', 'postings', exported.body as Buffer);
    expect(same.counts).toMatchObject({ created: 0, updated: 0 });
    // Changing it is out of the officer's reach, as a PATCH would be.
    const edited = await preview(officer, '320321', 'postings', Buffer.from(csv.toString().replace('2026-07-31,SUPPORT', '2026-06-30,SUPPORT')));
    expect(edited.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'schoolCode', 'NOT_FOUND']]);
  });

  it('refuses bytes it cannot read, an old .xls, a file above IMPORT_MAX_BYTES, an unknown kind, and a commit twice', async () => {
    const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x42]);
    expect((await send(officer, '320321', 'teachers', garbage, 'text/csv')).status).toBe(400);
    expect((await send(officer, '320321', 'teachers', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'application/octet-stream')).status).toBe(400);
    expect((await send(officer, '320321', 'teachers', Buffer.from('not a zip'), XLSX)).status).toBe(400);
    expect((await send(officer, '320321', 'pupils', Buffer.from('a,b\n1,2'), 'text/csv')).status).toBe(400);
    const big = await send(officer, '320321', 'teachers', Buffer.alloc(2_100_000, 0x41), 'text/csv');
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');

    const damaged = await preview(officer, '320321', 'schools', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]));
    expect(damaged.status).toBe('FAILED');
    expect((await officer.post(`/imports/${damaged.id}/commit`)).body.code).toBe('IMPORT_NOT_READY');

    // As the multipart field `file`, the file name read as UTF-8.
    const uploaded = await t
      .http()
      .post(`/api/v1/counties/320321/imports?kind=schools`)
      .set('Authorization', `Bearer ${officer.token}`)
      .attach('file', Buffer.from('code,name,stage,location,weak\nFX0899,丰县上传学校,PRIMARY,RURAL,否\n'), '学校基本信息.csv');
    expect(uploaded.status).toBe(202);
    await eventually(async () =>
      expect((await officer.get(`/imports/${uploaded.body.importId}`)).body).toMatchObject({
        status: 'READY',
        fileName: '学校基本信息.csv',
        errorCount: 0,
      }),
    );

    const csv = 'code,name,stage,location,weak\nFX0900,丰县测试学校,PRIMARY,RURAL,false\n';
    const committed = await importAndCommit(officer, '320321', 'schools', Buffer.from(csv));
    const twice = await officer.post(`/imports/${committed.id}/commit`);
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('IMPORT_NOT_READY');
  });

  it('keeps each county’s imports and exports to its officers (404 for another county)', async () => {
    const csv = Buffer.from('code,name,stage,location,weak\nLY0900,溧阳测试学校,PRIMARY,URBAN,否\n');
    expect((await send(liyang, '320321', 'schools', csv, 'text/csv')).status).toBe(404);
    const own = await preview(officer, '320321', 'schools', csv);
    expect((await liyang.get(`/imports/${own.id}`)).status).toBe(404);
    expect((await liyang.post(`/imports/${own.id}/commit`)).status).toBe(404);
    expect((await download(liyang, `/imports/${own.id}/error-report`)).status).toBe(404);
    expect((await download(liyang, '/counties/320321/exports/teachers')).status).toBe(404);
    const teacher = await account(t, admin, {
      username: 'teacher.import',
      role: 'TEACHER',
      countyId: '320321',
      teacherId: (await officer.get('/teachers?countyId=320321&q=FX2010001')).body.items[0].id,
    });
    expect((await send(teacher, '320321', 'schools', csv, 'text/csv')).status).toBe(403);
  });

  it('exports a county in the template’s shape; imported into an empty county and exported again it is the same, cell for cell', async () => {
    const county = generateCounty({
      countyId: '320322',
      countyName: '沛县',
      zone: 'SUBEI',
      schools: 6,
      teachers: 120,
      today: t.today,
      seed: 320322,
      codePrefix: 'PX',
      shortage: JIANGSU_2024_POLICY.parameters.shortage,
    });
    await t.app.get(TransactionHost).run(() => writeCounty(t.app.get(BulkWriter), county));
    const exported: Record<string, Cell[][]> = {};
    for (const kind of SHEET_KINDS) {
      const response = await download(admin, `/counties/320322/exports/${kind}`);
      expect(response.status).toBe(200);
      exported[kind] = sheetValues(await workbookOf(response.body as Buffer), IMPORT_SHEETS[kind].zh);
      expect(exported[kind][0]).toEqual(importColumns(kind).map((c) => c.zh));
      const committed = await importAndCommit(admin, '320324', kind, response.body as Buffer);
      expect(committed.counts?.created).toBeGreaterThan(0);
    }
    expect(exported.postings.length).toBeGreaterThan(120);
    for (const kind of SHEET_KINDS) {
      const again = sheetValues(await workbookOf((await download(admin, `/counties/320324/exports/${kind}`)).body as Buffer), IMPORT_SHEETS[kind].zh);
      expect(again).toEqual(exported[kind]);
      // And importing the export of the new county into itself changes nothing.
      const bytes = (await download(admin, `/counties/320324/exports/${kind}`)).body as Buffer;
      const same = await importAndCommit(admin, '320324', kind, bytes);
      expect(same.counts).toMatchObject({ created: 0, updated: 0 });
    }

    // The registry in one workbook: a sheet of each kind, the same as each kind's export; into another empty county and back.
    const registry = await download(admin, '/counties/320322/exports/registry');
    const workbook = await workbookOf(registry.body as Buffer);
    for (const kind of SHEET_KINDS) expect(sheetValues(workbook, IMPORT_SHEETS[kind].zh)).toEqual(exported[kind]);
    const whole = await importAndCommit(admin, '320381', 'registry', registry.body as Buffer);
    expect(whole.counts).toMatchObject({ updated: 0, unchanged: 0 });
    const back = await workbookOf((await download(admin, '/counties/320381/exports/registry')).body as Buffer);
    for (const kind of SHEET_KINDS) expect(sheetValues(back, IMPORT_SHEETS[kind].zh)).toEqual(exported[kind]);
  }, 180_000);

  it('writes text a spreadsheet would run as a formula with a leading apostrophe, and reads it back as it was', async () => {
    const csv = Buffer.from(
      'code,name,stage,location,weak\nFX0901,"=HYPERLINK(""http://x"",""丰县"")",PRIMARY,RURAL,否\nFX0902,@SUM(A1),PRIMARY,TOWN,否\n',
    );
    await importAndCommit(officer, '320321', 'schools', csv);
    const rows = sheetValues(await workbookOf((await download(officer, '/counties/320321/exports/schools')).body as Buffer), '学校基本信息');
    const names = rows.filter((r) => r[0] === 'FX0901' || r[0] === 'FX0902').map((r) => r[1]);
    expect(names).toEqual(['\'=HYPERLINK("http://x","丰县")', "'@SUM(A1)"]);
    const exported = (await download(officer, '/counties/320321/exports/schools')).body as Buffer;
    const same = await importAndCommit(officer, '320321', 'schools', exported);
    expect(same.counts).toMatchObject({ created: 0, updated: 0 });
    const [school] = (await officer.get('/schools?countyId=320321&q=FX0901')).body.items;
    expect(school.name).toBe('=HYPERLINK("http://x","丰县")');
  });
});
