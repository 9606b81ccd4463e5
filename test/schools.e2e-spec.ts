import { account, Client, loginAdmin } from './support/api';
import { createSchool } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('schools, classification history, enrolment, groups and districts', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let neighbour: Client;
  let city: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    neighbour = await account(t, admin, { username: 'officer.liyang', role: 'COUNTY_OFFICER', countyId: '320481' });
    city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });
  });
  afterAll(() => t.close());

  describe('reference data', () => {
    it('lists the 13 cities with zones and the developed flag from the policy', async () => {
      const response = await officer.get('/cities');
      expect(response.status).toBe(200);
      expect(response.body).toHaveLength(13);
      expect(response.body.find((c: { id: string }) => c.id === '320500')).toEqual({
        id: '320500',
        code: '320500',
        name: '苏州市',
        nameEn: 'Suzhou',
        zone: 'SUNAN',
        developed: true,
      });
      expect(response.body.find((c: { id: string }) => c.id === '320300')).toMatchObject({ zone: 'SUBEI', developed: false });
    });

    it('lists the 95 counties, or those of one city', async () => {
      expect((await officer.get('/counties')).body).toHaveLength(95);
      const xuzhou = (await officer.get('/counties?cityId=320300')).body;
      expect(xuzhou).toHaveLength(10);
      expect(xuzhou).toContainEqual({ id: '320321', code: '320321', name: '丰县', cityId: '320300' });
      expect((await officer.get('/counties?cityId=abc')).status).toBe(400);
    });
  });

  describe('creating and reading schools', () => {
    it('creates a school with its initial classification and reads it back', async () => {
      const created = await officer.post('/schools', {
        countyId: '320321',
        code: 'FX-HS-01',
        name: '丰县华山镇中心小学',
        stage: 'PRIMARY',
        location: 'RURAL',
        weak: true,
        townshipCentral: true,
        boarding: true,
        classifiedFrom: '2010-09-01',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        countyId: '320321',
        code: 'FX-HS-01',
        stage: 'PRIMARY',
        location: 'RURAL',
        weak: true,
        townshipCentral: true,
        boarding: true,
        groupId: null,
        version: 1,
      });
      const read = await officer.get(`/schools/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
      const history = await officer.get(`/schools/${created.body.id}/classifications`);
      expect(history.body).toEqual([{ effectiveFrom: '2010-09-01', location: 'RURAL', weak: true, set: { location: 'RURAL', weak: true } }]);
    });

    it('refuses unknown fields, bad enums and impossible dates with the fields named', async () => {
      const response = await officer.post('/schools', {
        countyId: '320321',
        code: 'X1',
        name: 'x',
        stage: 'KINDERGARTEN',
        location: 'URBAN',
        weak: 'no',
        classifiedFrom: '2023-02-29',
        principal: 'someone',
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(response.body.details.fields).sort()).toEqual(['classifiedFrom', 'principal', 'stage', 'weak']);
      const missing = await officer.post('/schools', { countyId: '320321' });
      expect(missing.body.details.fields.code).toEqual(['is required']);
    });

    it('answers 404 for a county outside the officer’s scope, and 403 to read-only roles', async () => {
      const foreign = await officer.post('/schools', {
        countyId: '320481',
        code: 'LY1',
        name: '溧阳一小',
        stage: 'PRIMARY',
        location: 'URBAN',
        weak: false,
      });
      expect(foreign.status).toBe(404);
      const readOnly = await city.post('/schools', { countyId: '320321', code: 'C1', name: 'c', stage: 'PRIMARY', location: 'URBAN', weak: false });
      expect(readOnly.status).toBe(403);
      expect(readOnly.body.code).toBe('FORBIDDEN');
    });

    it('refuses a second school with the same code in the county (409), but allows it in another county', async () => {
      await createSchool(officer, { code: 'DUP-1' });
      const again = await officer.post('/schools', {
        countyId: '320321',
        code: 'DUP-1',
        name: 'again',
        stage: 'PRIMARY',
        location: 'URBAN',
        weak: false,
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SCHOOL_CODE_TAKEN');
      expect((await createSchool(neighbour, { code: 'DUP-1' })).countyId).toBe('320481');
    });

    it('keeps each county’s schools to its officers; the city officer reads the city; 404 outside', async () => {
      const mine = await createSchool(officer, { name: '丰县实验小学' });
      const theirs = await createSchool(neighbour, { name: '溧阳实验小学' });
      expect((await neighbour.get(`/schools/${mine.id}`)).status).toBe(404);
      expect((await neighbour.get(`/schools/${mine.id}`)).body.code).toBe('NOT_FOUND');
      expect((await city.get(`/schools/${mine.id}`)).status).toBe(200);
      expect((await city.get(`/schools/${theirs.id}`)).status).toBe(404);
      expect((await officer.get('/schools/not-a-school')).status).toBe(404);

      const list = await officer.get('/schools?pageSize=500');
      expect(list.body.items.every((s: { countyId: string }) => s.countyId === '320321')).toBe(true);
      const cityList = await city.get('/schools?pageSize=500');
      expect(cityList.body.items.map((s: { id: string }) => s.id)).toContain(mine.id);
      expect(cityList.body.items.map((s: { id: string }) => s.id)).not.toContain(theirs.id);
    });

    it('pages and searches by name or code prefix', async () => {
      for (let i = 0; i < 3; i++) await createSchool(officer, { code: `PG-${i}`, name: `分页学校${i}` });
      const first = await officer.get('/schools?q=分页&pageSize=2&page=1');
      expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(first.body.items).toHaveLength(2);
      const second = await officer.get('/schools?q=分页&pageSize=2&page=2');
      expect(second.body.items).toHaveLength(1);
      expect((await officer.get('/schools?q=PG-&pageSize=10')).body.total).toBe(3);
      expect((await officer.get('/schools?q=%25')).body.total).toBe(0);
      expect((await officer.get('/schools?pageSize=501')).status).toBe(400);
      expect((await officer.get('/schools?page=0')).status).toBe(400);
      expect((await officer.get('/schools?colour=blue')).body.details.fields).toHaveProperty('colour');
    });
  });

  describe('updating with versions', () => {
    it('changes fields, bumps the version, and refuses a stale version with 409', async () => {
      const school = await createSchool(officer);
      const updated = await officer.patch(`/schools/${school.id}`, { version: 1, name: '新名字', boarding: true });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ name: '新名字', boarding: true, version: 2 });
      const stale = await officer.patch(`/schools/${school.id}`, { version: 1, name: '又一个名字' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { expectedVersion: 1, currentVersion: 2 } });
      expect((await officer.get(`/schools/${school.id}`)).body.name).toBe('新名字');
    });

    it('needs the version, refuses changes to location through PATCH, and 404s out of scope', async () => {
      const school = await createSchool(officer);
      expect((await officer.patch(`/schools/${school.id}`, { name: 'x' })).body.details.fields).toHaveProperty('version');
      expect((await officer.patch(`/schools/${school.id}`, { version: 1, location: 'RURAL' })).body.details.fields).toHaveProperty('location');
      expect((await neighbour.patch(`/schools/${school.id}`, { version: 1, name: 'x' })).status).toBe(404);
    });
  });

  describe('classification history', () => {
    it('records changes from a day on, each field keeping its own timeline', async () => {
      const school = await createSchool(officer, { location: 'RURAL', weak: false, classifiedFrom: '2005-09-01' });
      const weak = await officer.post(`/schools/${school.id}/classifications`, { effectiveFrom: '2016-09-01', weak: true });
      expect(weak.status).toBe(201);
      const urbanised = await officer.post(`/schools/${school.id}/classifications`, { effectiveFrom: '2020-09-01', location: 'TOWN' });
      expect(urbanised.body).toEqual([
        { effectiveFrom: '2005-09-01', location: 'RURAL', weak: false, set: { location: 'RURAL', weak: false } },
        { effectiveFrom: '2016-09-01', location: 'RURAL', weak: true, set: { weak: true } },
        { effectiveFrom: '2020-09-01', location: 'TOWN', weak: true, set: { location: 'TOWN' } },
      ]);
      // Backdated change in between: the later location change still holds from 2020.
      const backdated = await officer.post(`/schools/${school.id}/classifications`, { effectiveFrom: '2018-03-01', location: 'URBAN' });
      expect(backdated.body.map((c: { effectiveFrom: string; location: string }) => [c.effectiveFrom, c.location])).toEqual([
        ['2005-09-01', 'RURAL'],
        ['2016-09-01', 'RURAL'],
        ['2018-03-01', 'URBAN'],
        ['2020-09-01', 'TOWN'],
      ]);
      expect((await officer.get(`/schools/${school.id}`)).body).toMatchObject({ location: 'TOWN', weak: true });
    });

    it('amends a change on the same day instead of adding a second', async () => {
      const school = await createSchool(officer, { classifiedFrom: '2005-09-01' });
      await officer.post(`/schools/${school.id}/classifications`, { effectiveFrom: '2021-09-01', weak: true });
      const amended = await officer.post(`/schools/${school.id}/classifications`, { effectiveFrom: '2021-09-01', location: 'RURAL' });
      expect(amended.body).toHaveLength(2);
      expect(amended.body[1]).toEqual({ effectiveFrom: '2021-09-01', location: 'RURAL', weak: true, set: { location: 'RURAL', weak: true } });
    });

    it('refuses an empty change, a change before the first classification that leaves a field unset, and bad dates', async () => {
      const school = await createSchool(officer, { classifiedFrom: '2010-09-01' });
      const empty = await officer.post(`/schools/${school.id}/classifications`, { effectiveFrom: '2021-09-01' });
      expect(empty.status).toBe(400);
      expect(empty.body.details.fields).toHaveProperty('location');
      const early = await officer.post(`/schools/${school.id}/classifications`, { effectiveFrom: '2001-01-01', weak: true });
      expect(early.status).toBe(400);
      expect(early.body.details.fields).toHaveProperty('location');
      expect(
        (await officer.post(`/schools/${school.id}/classifications`, { effectiveFrom: '2021-13-01', weak: true })).body.details.fields,
      ).toHaveProperty('effectiveFrom');
      expect((await neighbour.post(`/schools/${school.id}/classifications`, { effectiveFrom: '2021-09-01', weak: true })).status).toBe(404);
    });
  });

  describe('filtering by classification on a day', () => {
    let peixian: Client;
    const codes = async (query: string) => {
      const response = await peixian.get(`/schools?countyId=320322&pageSize=500&${query}`);
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(response.body.items.length);
      return response.body.items.map((s: { code: string }) => s.code).sort();
    };

    beforeAll(async () => {
      peixian = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
      // A: urban, rural since 2020 (a past change). B: rural and weak, a town school and no longer weak from 2027 (a future change).
      // C: a town school, weak since 2024. D: a rural junior school classified from 2030 only.
      const a = await createSchool(peixian, { code: 'PX-A', location: 'URBAN', weak: false, classifiedFrom: '2000-09-01' });
      await peixian.post(`/schools/${a.id}/classifications`, { effectiveFrom: '2020-09-01', location: 'RURAL' });
      const b = await createSchool(peixian, { code: 'PX-B', location: 'RURAL', weak: true, classifiedFrom: '2000-09-01' });
      await peixian.post(`/schools/${b.id}/classifications`, { effectiveFrom: '2027-09-01', location: 'TOWN', weak: false });
      const c = await createSchool(peixian, { code: 'PX-C', location: 'TOWN', weak: false, classifiedFrom: '2000-09-01' });
      await peixian.post(`/schools/${c.id}/classifications`, { effectiveFrom: '2024-09-01', weak: true });
      await createSchool(peixian, { code: 'PX-D', stage: 'JUNIOR', location: 'RURAL', weak: false, classifiedFrom: '2030-01-01' });
    });

    it('filters by the location in force today, or on asOf, across past and future reclassifications', async () => {
      expect(await codes('location=RURAL')).toEqual(['PX-A', 'PX-B']);
      expect(await codes('location=RURAL&asOf=2015-01-01')).toEqual(['PX-B']);
      expect(await codes('location=URBAN&asOf=2020-08-31')).toEqual(['PX-A']);
      expect(await codes('location=URBAN&asOf=2020-09-01')).toEqual([]);
      expect(await codes('location=RURAL&asOf=2028-01-01')).toEqual(['PX-A']);
      expect(await codes('location=TOWN&asOf=2028-01-01')).toEqual(['PX-B', 'PX-C']);
    });

    it('filters by the weak flag in force, a school not yet classified matching neither value', async () => {
      expect(await codes('weak=true')).toEqual(['PX-B', 'PX-C']);
      expect(await codes('weak=false')).toEqual(['PX-A']);
      expect(await codes('weak=true&asOf=2024-08-31')).toEqual(['PX-B']);
      expect(await codes('weak=true&asOf=2027-09-01')).toEqual(['PX-C']);
      expect(await codes('weak=false&asOf=2031-01-01')).toEqual(['PX-A', 'PX-B', 'PX-D']);
    });

    it('combines location, weak and stage, and shows the classification of the day asked', async () => {
      expect(await codes('location=RURAL&weak=true')).toEqual(['PX-B']);
      expect(await codes('stage=JUNIOR&location=RURAL')).toEqual([]);
      expect(await codes('stage=JUNIOR&location=RURAL&asOf=2031-01-01')).toEqual(['PX-D']);
      const then = (await peixian.get('/schools?countyId=320322&q=PX-A&asOf=2015-01-01')).body.items[0];
      expect(then).toMatchObject({ code: 'PX-A', location: 'URBAN', weak: false });
      expect((await peixian.get('/schools?countyId=320322&q=PX-A')).body.items[0]).toMatchObject({ location: 'RURAL', weak: false });
      const paged = await peixian.get('/schools?countyId=320322&location=RURAL&pageSize=1');
      expect(paged.body).toMatchObject({ total: 2, pageSize: 1 });
      expect(paged.body.items).toHaveLength(1);
    });

    it('names a bad location, weak flag or day (400)', async () => {
      for (const [query, field] of [
        ['location=SUBURBAN', 'location'],
        ['weak=maybe', 'weak'],
        ['asOf=2026-13-01', 'asOf'],
      ]) {
        const response = await peixian.get(`/schools?${query}`);
        expect(response.status).toBe(400);
        expect(response.body.details.fields).toHaveProperty(field);
      }
    });
  });

  describe('enrolment', () => {
    it('stores a school year of grades, replaces it, and reads one year or all', async () => {
      const school = await createSchool(officer, { stage: 'NINE_YEAR', boarding: true });
      const put = await officer.put(`/schools/${school.id}/enrolment`, {
        schoolYear: 2026,
        grades: [
          { grade: 1, students: 90, classes: 2 },
          { grade: 7, students: 120, classes: 3 },
        ],
        boarders: 40,
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ schoolYear: 2026, totalStudents: 210, totalClasses: 5, boarders: 40, version: 1 });
      const replaced = await officer.put(`/schools/${school.id}/enrolment`, {
        schoolYear: 2026,
        grades: [{ grade: 2, students: 45, classes: 1 }],
        version: 1,
      });
      expect(replaced.body).toMatchObject({ grades: [{ grade: 2, students: 45, classes: 1 }], boarders: 0, version: 2 });
      const stale = await officer.put(`/schools/${school.id}/enrolment`, { schoolYear: 2026, grades: [], version: 1 });
      expect(stale.status).toBe(409);
      await officer.put(`/schools/${school.id}/enrolment`, { schoolYear: 2025, grades: [{ grade: 1, students: 10, classes: 1 }] });
      expect((await officer.get(`/schools/${school.id}/enrolment`)).body.map((e: { schoolYear: number }) => e.schoolYear)).toEqual([2026, 2025]);
      const one = await officer.get(`/schools/${school.id}/enrolment?schoolYear=2025`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual([expect.objectContaining({ schoolYear: 2025, totalStudents: 10 })]);
      const none = await officer.get(`/schools/${school.id}/enrolment?schoolYear=2024`);
      expect(none.status).toBe(200);
      expect(none.body).toEqual([]);
      expect((await officer.get(`/schools/${school.id}/enrolment?schoolYear=1999`)).status).toBe(400);
      expect((await officer.get(`/schools/00000000-0000-4000-8000-000000000000/enrolment?schoolYear=2025`)).status).toBe(404);
    });

    it('names the bad grade: not taught at the stage, twice, more classes than students, negative numbers', async () => {
      const school = await createSchool(officer, { stage: 'PRIMARY' });
      const response = await officer.put(`/schools/${school.id}/enrolment`, {
        schoolYear: 2026,
        grades: [
          { grade: 10, students: 40, classes: 1 },
          { grade: 1, students: 3, classes: 4 },
          { grade: 1, students: 30, classes: 1 },
        ],
        boarders: 1000,
      });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.details.fields).sort()).toEqual(['boarders', 'grades.0.grade', 'grades.1.classes', 'grades.2.grade']);
      const negative = await officer.put(`/schools/${school.id}/enrolment`, { schoolYear: 2026, grades: [{ grade: 1, students: -1, classes: 0 }] });
      expect(negative.body.details.fields).toHaveProperty(['grades.0.students']);
      const notAList = await officer.put(`/schools/${school.id}/enrolment`, { schoolYear: 2026, grades: 'all of them' });
      expect(notAList.status).toBe(400);
    });
  });

  describe('education groups and school districts', () => {
    it('creates a group and a district and assigns schools to them in the same county only', async () => {
      const group = await officer.post('/school-clusters', { countyId: '320321', kind: 'GROUP', name: '丰县实验小学教育集团' });
      expect(group.status).toBe(201);
      const district = await officer.post('/school-clusters', { countyId: '320321', kind: 'DISTRICT', name: '华山学区' });
      const school = await createSchool(officer, { groupId: group.body.id, districtId: district.body.id });
      expect(school).toMatchObject({ groupId: group.body.id, districtId: district.body.id });
      expect((await officer.get(`/schools?groupId=${group.body.id}`)).body.total).toBe(1);

      const wrongKind = await officer.post('/schools', {
        countyId: '320321',
        code: 'WK1',
        name: 'w',
        stage: 'PRIMARY',
        location: 'URBAN',
        weak: false,
        groupId: district.body.id,
      });
      expect(wrongKind.status).toBe(400);
      expect(wrongKind.body.details.fields).toHaveProperty('groupId');
      const foreignGroup = await neighbour.post('/school-clusters', { countyId: '320481', kind: 'GROUP', name: '溧阳集团' });
      const cross = await officer.patch(`/schools/${school.id}`, { version: 1, groupId: foreignGroup.body.id });
      expect(cross.status).toBe(400);
      const leave = await officer.patch(`/schools/${school.id}`, { version: 1, groupId: null });
      expect(leave.body.groupId).toBeNull();

      expect((await officer.post('/school-clusters', { countyId: '320321', kind: 'GROUP', name: '丰县实验小学教育集团' })).status).toBe(409);
      const listed = await officer.get('/school-clusters?kind=GROUP');
      expect(listed.body.map((c: { name: string }) => c.name)).toEqual(['丰县实验小学教育集团']);
    });
  });
});
