import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '@app/auth';
import { Clock, newId } from '@app/core';
import { PolicyStore } from '@app/policy';
import {
  AuditRepository,
  BulkWriter,
  RotationExemptionRepository,
  RotationFactsRepository,
  RotationPlanRepository,
  SchoolEntity,
  SchoolRepository,
  StaffRequestRepository,
  TransactionHost,
  TransferRepository,
  UserEntity,
  UserRepository,
} from '@app/database';
import { addDays, currentRotationYear, rotationReferenceDate, schoolYearOf } from '@app/domain';
import type { Role } from '@app/domain';
import { generateCounty, GeneratedCounty } from '../generator/county-generator';
import { generatedHeadcounts, generatePool, poolRows } from '../generator/quota-pool';
import { writeCounty } from '../generator/write-county';
import { DEMO_COUNTIES, demoCountySpec } from './demo-counties';
import { demoRotation } from './demo-rotation';
import { addDemoNewHire, seedDemoStaffRequests } from './demo-staff-requests';
import { seedDemoBlockedTransfer } from './demo-transfers';

/** The demo sign-ins share one password; the demo loads by itself only in the embedded profile. */
export const DEMO_PASSWORD = 'demo-password-2026';

export interface DemoResult {
  summary: string;
  usernames: string[];
  password: string;
}

/**
 * One 苏北 county (丰县, Xuzhou) and one 苏南 county (溧阳, Changzhou): 20 schools and about 300
 * teachers each, with histories, schools named after the counties' own towns; and a sign-in for
 * every role. The principal's sign-in is linked to their teacher record; the teacher's belongs
 * to a first-level teacher rotated to a rural school some months ago, whose senior-title
 * eligibility shows the earliest day the service rule will be met. Schools are staffed against the
 * policy's curriculum, so that a shortage scan finds a handful of gaps per county, among them a
 * village school nobody teaches PE at, a school short of music, and the principal's own school
 * without a full-time psychology teacher (a critical flag, notified to the principal). Each county has this school
 * year's quota pool: an approved total, most schools with posts to fill, the one with the most staff overstaffed. The
 * principal's school has asked the county for staff: one request in each status (demo-staff-requests.ts). And 丰县's officer
 * has tried to transfer a principal of 丰县 to 溧阳, which the anti-poaching rule blocked (demo-transfers.ts).
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly tx: TransactionHost,
    private readonly writer: BulkWriter,
    private readonly users: UserRepository,
    private readonly schools: SchoolRepository,
    private readonly staffRequests: StaffRequestRepository,
    private readonly transfers: TransferRepository,
    private readonly audit: AuditRepository,
    private readonly rotationFacts: RotationFactsRepository,
    private readonly rotationPlans: RotationPlanRepository,
    private readonly rotationExemptions: RotationExemptionRepository,
    private readonly policy: PolicyStore,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  /** True when no school exists yet (the demo loads into an empty registry only). */
  async isEmpty(): Promise<boolean> {
    return (await this.tx.manager.count(SchoolEntity)) === 0;
  }

  async seed(): Promise<DemoResult> {
    const today = this.clock.today();
    const inForce = await this.policy.inForce(today);
    const parameters = inForce.parameters;
    const counties: GeneratedCounty[] = DEMO_COUNTIES.map((c) => generateCounty(demoCountySpec(c, today, parameters, this.clock.now())));
    counties.forEach((county, i) => awaitingThePrincipal(county, DEMO_COUNTIES[i].countyId, today, this.clock.now()));
    counties.forEach((county, i) => addDemoNewHire(county, DEMO_COUNTIES[i].countyId, today, this.clock.now()));
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const accounts: { username: string; role: Role; cityId?: string; countyId?: string; schoolId?: string; teacherId?: string }[] = [
      { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' },
    ];
    DEMO_COUNTIES.forEach((county, i) => {
      const generated = counties[i];
      // The first school (code …0001, without a full-time psychology teacher): its principal, linked to their own teacher
      // record as POST /users requires, and the featured teacher from its staff, now on rotation at a rural school.
      const school = generated.directory[0];
      accounts.push({ username: county.username, role: 'COUNTY_OFFICER', cityId: county.cityId, countyId: county.countyId });
      accounts.push({
        username: `principal.${school.code.toLowerCase()}`,
        role: 'PRINCIPAL',
        cityId: county.cityId,
        countyId: county.countyId,
        schoolId: school.schoolId,
        teacherId: school.principalId ?? undefined,
      });
      accounts.push({
        username: `teacher.${(generated.featured?.homeSchoolCode ?? school.code).toLowerCase()}`,
        role: 'TEACHER',
        cityId: county.cityId,
        countyId: county.countyId,
        teacherId: generated.featured?.teacherId ?? school.teacherIds[0],
      });
    });

    await this.tx.run(async () => {
      for (const county of counties) await writeCounty(this.writer, county);
      for (const county of DEMO_COUNTIES) await this.schools.recomputeHeadcounts(today, county.countyId);
      // This school year's quota pool of each county: most schools with posts to fill, the one with the most staff overstaffed.
      for (const [i, county] of counties.entries()) {
        const rows = poolRows(DEMO_COUNTIES[i].countyId, schoolYearOf(today), generatePool(generatedHeadcounts(county, today)), this.clock.now());
        await this.writer.insert('county_quota', rows.countyQuota);
        await this.writer.insert('school_quota_allocation', rows.allocations);
        await this.writer.insert('quota_change', rows.changes);
      }
      for (const account of accounts) {
        if (await this.users.findByUsername(account.username)) continue;
        const user: UserEntity = {
          id: newId(),
          username: account.username,
          passwordHash,
          role: account.role,
          cityId: account.cityId ?? null,
          countyId: account.countyId ?? null,
          schoolId: account.schoolId ?? null,
          teacherId: account.teacherId ?? null,
          active: true,
          version: 1,
          tokenVersion: 1,
          createdAt: this.clock.now(),
          lastLoginAt: null,
        };
        await this.users.insert(user);
      }
      await this.seedStaffRequests(counties, today);
      const officer = await this.users.findByUsername(DEMO_COUNTIES[0].username);
      if (officer) {
        await seedDemoBlockedTransfer(
          { transfers: this.transfers, audit: this.audit },
          { county: counties[0], countyId: DEMO_COUNTIES[0].countyId, zone: DEMO_COUNTIES[0].zone },
          { county: counties[1], countyId: DEMO_COUNTIES[1].countyId, zone: DEMO_COUNTIES[1].zone },
          officer,
          inForce,
          today,
          this.clock.now(),
        );
      }
      await this.seedRotation(counties, today);
    });
    const count = (key: 'schools' | 'teachers' | 'postings' | 'trainingRecords') => counties.reduce((sum, c) => sum + c[key].length, 0);
    return {
      summary: `${DEMO_COUNTIES.map((c) => c.countyName).join(' and ')}: ${count('schools')} schools, ${count('teachers')} teachers, ${count('postings')} postings, ${count('trainingRecords')} training records`,
      usernames: accounts.map((a) => `${a.username} (${a.role})`),
      password: DEMO_PASSWORD,
    };
  }

  /**
   * Each county's rotation plan for the current plan year, approved and meeting its targets, with a team and a shared PE
   * teacher, and one recorded exemption (seeds/demo/demo-rotation.ts). The sign-ins' own teachers stay where they are.
   */
  private async seedRotation(counties: GeneratedCounty[], today: string): Promise<void> {
    const current = (await this.policy.inForce(today)).parameters;
    const year = currentRotationYear(today, current);
    const referenceDate = rotationReferenceDate(year, current);
    const policy = (await this.policy.inForce(referenceDate)).parameters;
    for (const [i, county] of counties.entries()) {
      const demo = DEMO_COUNTIES[i];
      const officer = await this.users.findByUsername(demo.username);
      if (!officer) continue;
      const keep = new Set([county.directory[0].principalId, county.featured?.teacherId].filter((id): id is string => !!id));
      const facts = await this.rotationFacts.ofCounty(demo.countyId, rotationReferenceDate(year, policy));
      const rotation = demoRotation({ countyId: demo.countyId, county, facts, year, policy, keep, officer, now: this.clock.now() });
      await this.rotationExemptions.insert(rotation.exemption);
      await this.rotationPlans.insert(rotation.plan);
      for (const assignment of rotation.assignments) await this.rotationPlans.insertAssignment(assignment);
    }
  }

  /** Each demo principal's staff requests, one in each status (seeds/demo/demo-staff-requests.ts). */
  private async seedStaffRequests(counties: GeneratedCounty[], today: string): Promise<void> {
    for (const [i, county] of counties.entries()) {
      const demo = DEMO_COUNTIES[i];
      const principal = await this.users.findByUsername(`principal.${county.directory[0].code.toLowerCase()}`);
      const officer = await this.users.findByUsername(demo.username);
      if (!principal || !officer) continue;
      await seedDemoStaffRequests({ requests: this.staffRequests, schools: this.schools }, county, demo.countyId, { principal, officer }, today);
    }
  }
}

/**
 * School-based training (校本研修) that staff of the first school recorded in the last weeks and that
 * waits for their principal, so that the demo principal's waiting list (?decidable=true) is not empty.
 */
function awaitingThePrincipal(county: GeneratedCounty, countyId: string, today: string, now: Date): void {
  const school = county.directory[0];
  const staff = school.teacherIds.filter((id) => id !== school.principalId && id !== county.featured?.teacherId);
  staff.forEach((teacherId, i) => {
    const day = addDays(today, -7 * (i + 1));
    county.trainingRecords.push({
      id: newId(),
      teacher_id: teacherId,
      county_id: countyId,
      title: i % 2 === 0 ? '校本研修：公开课观摩与评课' : '校本研修：单元作业设计',
      provider: `${school.name}教研组`,
      category: 'SCHOOL_BASED',
      hours: 3,
      start_date: day,
      end_date: day,
      status: 'SUBMITTED',
      kind: 'RECORD',
      reverses_id: null,
      reason: null,
      submitted_by: null,
      submitted_at: now,
      decided_by: null,
      decided_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
  });
}
