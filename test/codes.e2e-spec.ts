import { CODE_LISTS, ERROR_LABELS } from '@app/domain';
import { account, Client, loginAdmin, PREFIX } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('codes with labels, and names next to ids in the API description', () => {
  let t: TestApp;
  let admin: Client;
  let teacher: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t);
    const officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    const school = await createSchool(officer);
    const me = await createTeacher(officer);
    await createPosting(officer, me.id, { schoolId: school.id, startDate: '2016-09-01' });
    teacher = await account(t, officer, { username: 'teacher.codes', role: 'TEACHER', teacherId: me.id });
  });
  afterAll(() => t.close());

  it('gives every code list with Chinese and English labels in list order, and the error codes, to anyone signed in', async () => {
    const response = await teacher.get('/codes');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual([...Object.keys(CODE_LISTS), 'errors']);
    for (const [list, codes] of Object.entries(CODE_LISTS)) {
      expect(response.body[list].map((c: { code: string }) => c.code)).toEqual(codes);
    }
    expect(response.body.stages[0]).toEqual({ code: 'PRIMARY', zh: '小学', en: 'Primary school' });
    expect(response.body.trainingCategories.find((c: { code: string }) => c.code === 'SCHOOL_BASED')).toEqual({
      code: 'SCHOOL_BASED',
      zh: '校本研修',
      en: 'School-based',
    });
    expect(response.body.eligibilityRules.map((c: { code: string }) => c.code)).toContain('RURAL_OR_WEAK_SERVICE');
    expect(response.body.errors.map((e: { code: string }) => e.code)).toEqual(Object.keys(ERROR_LABELS));
    expect(response.body.errors.find((e: { code: string }) => e.code === 'POSTING_OVERLAP')).toEqual({
      code: 'POSTING_OVERLAP',
      status: 422,
      zh: expect.stringContaining('任教'),
      en: expect.stringContaining('posting'),
    });
  });

  it('answers 401 without a token', async () => {
    const response = await t.http().get(`${PREFIX}/codes`);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHORIZED');
  });

  it('describes the codes, and the names next to ids, in the OpenAPI document', async () => {
    const doc = (await t.http().get('/docs-json')).body;
    expect(doc.paths['/api/v1/codes'].get.responses['200']).toBeDefined();
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.CodesResponse.properties)).toEqual([...Object.keys(CODE_LISTS), 'errors']);
    expect(schemas.PostingResponse.properties).toHaveProperty('schoolName');
    expect(schemas.CurrentPostingResponse.properties).toHaveProperty('schoolName');
    expect(schemas.TrainingRecordResponse.properties).toHaveProperty('teacherName');
    expect(schemas.TrainingRecordResponse.properties).toHaveProperty('staffNo');
    expect(schemas.BehindTeacherResponse.properties.schoolName).toMatchObject({ nullable: true });
    expect(schemas.CountyTrainingReportResponse.properties.completionRate).toMatchObject({ nullable: true });
    expect(schemas.CompletionRowResponse.properties.completionRate).toMatchObject({ nullable: true });
    expect(schemas.CompletionTotalResponse.properties.completionRate).toMatchObject({ nullable: true });
  });
});
