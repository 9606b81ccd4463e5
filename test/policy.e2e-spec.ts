import { account, Client, loginAdmin } from './support/api';
import { createTestApp, TestApp } from './support/test-app';

describe('policy set', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-09-01' });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
  });
  afterAll(() => t.close());

  it('ships the Jiangsu 2024 default, in force today, with the rule book values', async () => {
    const response = await officer.get('/policy');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: 'jiangsu-2024.1', effectiveFrom: '2024-05-07', publishedBy: null });
    expect(response.body.parameters.training).toEqual({ cycleYears: 5, cycleAnchorYear: 2021, hoursPerCycle: 360, hourStep: 0.5, maxHoursPerDay: 8 });
    expect(response.body.parameters.eligibility.seniorTitle.serviceDays).toBe(365);
    expect(response.body.parameters.quota.studentsPerStaff).toEqual({ primary: 19, junior: 13.5, senior: 12.5 });
  });

  it('publishes a new version (province administrator), effective from its date, and keeps the old one for earlier days', async () => {
    const current = (await admin.get('/policy')).body;
    const document = {
      version: 'jiangsu-2024.2',
      effectiveFrom: '2026-09-01',
      title: '参数调整：轮岗年限',
      parameters: { ...current.parameters, rotation: { ...current.parameters.rotation, minYearsAtSchool: 5 } },
    };
    const published = await admin.post('/policy/versions', document);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 'jiangsu-2024.2', effectiveFrom: '2026-09-01', publishedBy: admin.user.id });

    expect((await officer.get('/policy')).body).toMatchObject({ version: 'jiangsu-2024.2', parameters: { rotation: { minYearsAtSchool: 5 } } });
    expect((await officer.get('/policy?asOf=2026-08-31')).body).toMatchObject({
      version: 'jiangsu-2024.1',
      parameters: { rotation: { minYearsAtSchool: 6 } },
    });
    // Before the first version, the earliest one answers (history can still be computed).
    expect((await officer.get('/policy?asOf=2015-01-01')).body.version).toBe('jiangsu-2024.1');

    const versions = await officer.get('/policy/versions');
    expect(versions.body.items.map((v: { version: string; inForce: boolean }) => [v.version, v.inForce])).toEqual([
      ['jiangsu-2024.1', false],
      ['jiangsu-2024.2', true],
    ]);
    const audit = await admin.get('/audit?entity=policy_version&entityId=jiangsu-2024.2');
    expect(audit.body.items[0]).toMatchObject({ action: 'policy.publish', countyId: null, after: { version: 'jiangsu-2024.2' } });
  });

  it('names the path of a bad or unknown parameter (400)', async () => {
    const current = (await admin.get('/policy')).body;
    const bad = await admin.post('/policy/versions', {
      version: 'jiangsu-bad.1',
      effectiveFrom: '2027-01-01',
      title: 'bad',
      parameters: { ...current.parameters, training: { ...current.parameters.training, hoursPerCycle: -360, bonusHours: 5 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.body.details.fields).sort()).toEqual(['parameters.training.bonusHours', 'parameters.training.hoursPerCycle']);
    const partial = await admin.post('/policy/versions', { version: 'jiangsu-bad.2', effectiveFrom: '2027-01-01', title: 'partial', parameters: {} });
    expect(partial.status).toBe(400);
    expect(partial.body.details.fields).toHaveProperty(['parameters.quota']);
    expect((await admin.post('/policy/versions', [1, 2, 3])).status).toBe(400);
    expect((await officer.get('/policy?asOf=2026-02-30')).status).toBe(400);
  });

  it('refuses a version taking effect before today (422 POLICY_BACKDATED): it would change answers already given', async () => {
    const current = (await admin.get('/policy')).body;
    const backdated = await admin.post('/policy/versions', {
      version: 'jiangsu-2024.backdated',
      effectiveFrom: '2026-08-31',
      title: '追溯调整',
      parameters: current.parameters,
    });
    expect(backdated.status).toBe(422);
    expect(backdated.body).toMatchObject({ code: 'POLICY_BACKDATED', details: { effectiveFrom: '2026-08-31', today: '2026-09-01' } });
    expect((await officer.get('/policy/versions')).body.items.map((v: { version: string }) => v.version)).not.toContain('jiangsu-2024.backdated');
    const later = await admin.post('/policy/versions', {
      version: 'jiangsu-2024.3',
      effectiveFrom: '2027-01-01',
      title: '下一年度参数',
      parameters: current.parameters,
    });
    expect(later.status).toBe(201);
    expect((await officer.get('/policy')).body.version).toBe('jiangsu-2024.2');
    expect((await officer.get('/policy?asOf=2027-01-01')).body.version).toBe('jiangsu-2024.3');
  });

  it('never changes a published version (422) and lets only the province administrator publish (403)', async () => {
    const current = (await admin.get('/policy')).body;
    const again = await admin.post('/policy/versions', {
      version: 'jiangsu-2024.1',
      effectiveFrom: '2027-01-01',
      title: 'again',
      parameters: current.parameters,
    });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('POLICY_VERSION_EXISTS');
    const notAdmin = await officer.post('/policy/versions', {
      version: 'county.1',
      effectiveFrom: '2027-01-01',
      title: 'mine',
      parameters: current.parameters,
    });
    expect(notAdmin.status).toBe(403);
  });
});
