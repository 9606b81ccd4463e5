import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import type { Subject } from '../reference/codes';
import { findShortages } from './find-shortages';
import { flagChanges } from './flag-changes';
import type { FlagChanges, FoundShortage, ShortageSchoolFacts, ShortageStaffMember, StoredFlag } from './shortage-types';

const POLICY = JIANGSU_2024_POLICY.parameters.shortage;

function teacher(id: string, subject: Subject, fraction = 1): ShortageStaffMember {
  return { teacherId: id, name: id, fractionMilli: fraction * 1000, subject, extraSubjects: [], psychology: 'NONE' };
}

/** A rural six-class primary school (one class a grade, 30 pupils each) with the given staff. */
function school(staff: ShortageStaffMember[]): ShortageSchoolFacts {
  return {
    schoolId: 'school-1',
    stage: 'PRIMARY',
    location: 'RURAL',
    townshipCentral: false,
    enrolment: { schoolYear: 2025, grades: [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, classes: 1, students: 30 })) },
    staff,
  };
}

const scan = (staff: ShortageStaffMember[]) => findShortages(school(staff), POLICY, JIANGSU_2024_POLICY.version);

/**
 * The flags of one school as a store keeps them, changed as a scan's FlagChanges say: what the shortage scans
 * do with the database, in memory, to follow a flag's life over several scans.
 */
class FlagStore {
  private nextId = 1;
  flags: StoredFlag[] = [];

  apply(changes: FlagChanges): void {
    const figures = (found: FoundShortage) => ({
      severity: found.severity,
      requiredFte: found.requiredFte,
      actualFte: found.actualFte,
      gap: found.gap,
    });
    const replace = (flag: StoredFlag, next: StoredFlag) => (this.flags = this.flags.map((f) => (f.id === flag.id ? next : f)));
    for (const found of changes.open)
      this.flags.push({ id: `flag-${this.nextId++}`, kind: found.kind, subject: found.subject, status: 'OPEN', ...figures(found) });
    for (const { flag, found } of [...changes.reopen, ...changes.update]) replace(flag, { ...flag, status: 'OPEN', ...figures(found) });
    for (const flag of changes.resolve) replace(flag, { ...flag, status: 'RESOLVED' });
  }

  scan(found: FoundShortage[]): FlagChanges {
    const changes = flagChanges(found, this.flags);
    this.apply(changes);
    return changes;
  }

  of(kind: StoredFlag['kind'], subject: Subject | null): StoredFlag | undefined {
    return this.flags.find((f) => f.kind === kind && f.subject === subject);
  }
}

const counts = (changes: FlagChanges) => ({
  open: changes.open.length,
  reopen: changes.reopen.length,
  update: changes.update.length,
  unchanged: changes.unchanged.length,
  resolve: changes.resolve.length,
});

const stored = (found: FoundShortage, id: string, status: StoredFlag['status'], change: Partial<StoredFlag> = {}): StoredFlag => ({
  id,
  kind: found.kind,
  subject: found.subject,
  status,
  severity: found.severity,
  requiredFte: found.requiredFte,
  actualFte: found.actualFte,
  gap: found.gap,
  ...change,
});

describe('what a scan changes in a school’s flags', () => {
  const staff = [teacher('chinese', 'CHINESE'), teacher('math', 'MATH')];

  it('opens a flag for every shortage found the first time', () => {
    const found = scan(staff);
    expect(found.length).toBeGreaterThan(5);
    const changes = flagChanges(found, []);
    expect(changes.open).toEqual(found);
    expect(counts(changes)).toEqual({ open: found.length, reopen: 0, update: 0, unchanged: 0, resolve: 0 });
  });

  it('changes nothing on a second identical scan: every flag only seen again', () => {
    const store = new FlagStore();
    store.scan(scan(staff));
    const before = structuredClone(store.flags);
    const second = store.scan(scan(staff));
    expect(counts(second)).toEqual({ open: 0, reopen: 0, update: 0, unchanged: before.length, resolve: 0 });
    expect(store.flags).toEqual(before);
  });

  it('takes figures read back from thousandths as the same figures', () => {
    const [found] = scan(staff);
    const readBack = stored(found, 'f1', 'OPEN', { requiredFte: found.requiredFte + 1e-12, gap: found.gap - 1e-12 });
    expect(counts(flagChanges([found], [readBack]))).toEqual({ open: 0, reopen: 0, update: 0, unchanged: 1, resolve: 0 });
  });

  it('updates an open flag whose figures or severity changed, keeping the flag', () => {
    const store = new FlagStore();
    store.scan(scan([...staff, teacher('music', 'MUSIC', 0.1)]));
    const before = store.of('SUBJECT_GAP', 'MUSIC');
    expect(before).toMatchObject({ status: 'OPEN', requiredFte: 0.75, actualFte: 0.1, gap: 0.65, severity: 'MEDIUM' });
    // The music teacher's share of a post goes from 0.1 to 0.2: the same flag, with a gap of 0.55; and the PE and
    // arts ratio (0.9 × 180 ÷ 100 = 1.62 needed) goes from 0.1 to 0.2 in post.
    const changes = store.scan(scan([...staff, teacher('music', 'MUSIC', 0.2)]));
    expect(changes.update.map(({ flag, found }) => [flag.id, flag.kind, flag.gap, found.gap])).toEqual([
      [before?.id, 'SUBJECT_GAP', 0.65, 0.55],
      [store.of('PE_ARTS_RATIO_LOW', null)?.id, 'PE_ARTS_RATIO_LOW', 1.52, 1.42],
    ]);
    expect(counts(changes)).toMatchObject({ open: 0, reopen: 0, resolve: 0, update: 2 });
    expect(store.of('SUBJECT_GAP', 'MUSIC')).toEqual({ ...before, actualFte: 0.2, gap: 0.55 });
    // Same figures, another severity (a new policy version moved highSeverityGap): an update too.
    const [found] = scan(staff);
    expect(found).toMatchObject({ kind: 'SUBJECT_GAP', subject: 'CHINESE', gap: 1.625, severity: 'HIGH' });
    expect(flagChanges([found], [stored(found, 'f1', 'OPEN', { severity: 'MEDIUM' })]).update).toHaveLength(1);
  });

  it('resolves an open flag the scan no longer finds, and leaves a resolved one alone', () => {
    const store = new FlagStore();
    store.scan(scan(staff));
    const changes = store.scan(scan([...staff, teacher('pe', 'PE')]));
    expect(changes.resolve.map((f) => [f.kind, f.subject])).toEqual([['ZERO_COVERAGE', 'PE']]);
    expect(store.of('ZERO_COVERAGE', 'PE')?.status).toBe('RESOLVED');
    const again = store.scan(scan([...staff, teacher('pe', 'PE')]));
    expect(again.resolve).toEqual([]);
    expect(again.reopen).toEqual([]);
  });

  it('reopens the same flag when a resolved shortage returns', () => {
    const store = new FlagStore();
    store.scan(scan(staff));
    const opened = store.of('ZERO_COVERAGE', 'PE');
    store.scan(scan([...staff, teacher('pe', 'PE')])); // a PE teacher arrives: resolved
    const changes = store.scan(scan(staff)); // and leaves: the same flag is open again
    expect(changes.reopen.map(({ flag }) => flag.id)).toEqual([opened?.id]);
    expect(changes.open).toEqual([]);
    expect(store.of('ZERO_COVERAGE', 'PE')).toEqual({ ...opened, status: 'OPEN' });
    expect(store.flags.filter((f) => f.kind === 'ZERO_COVERAGE' && f.subject === 'PE')).toHaveLength(1);
  });

  it('treats a change of kind as one flag resolved and another opened (nobody teaches it → too few teach it)', () => {
    const store = new FlagStore();
    store.scan(scan(staff));
    const changes = store.scan(scan([...staff, teacher('pe', 'PE', 0.25)]));
    expect(changes.resolve.map((f) => [f.kind, f.subject])).toEqual([['ZERO_COVERAGE', 'PE']]);
    expect(changes.open.map((f) => [f.kind, f.subject, f.gap])).toEqual([['SUBJECT_GAP', 'PE', 1]]);
  });

  it('matches a finding to the open flag of its kind and subject before a resolved one, and resolves a stray second open one', () => {
    const [found] = scan(staff);
    const resolved = stored(found, 'old', 'RESOLVED');
    const open = stored(found, 'current', 'OPEN', { gap: found.gap + 0.1 });
    const stray = stored(found, 'stray', 'OPEN');
    const changes = flagChanges([found], [resolved, open, stray]);
    expect(changes.update.map(({ flag }) => flag.id)).toEqual(['current']);
    expect(changes.resolve.map((f) => f.id)).toEqual(['stray']);
    expect(changes.reopen).toEqual([]);
    expect(flagChanges([found], [stored(found, 'a', 'RESOLVED'), stored(found, 'b', 'RESOLVED')]).reopen.map(({ flag }) => flag.id)).toEqual(['a']);
  });

  it('refuses two findings of one kind and subject', () => {
    const [found] = scan(staff);
    expect(() => flagChanges([found, found], [])).toThrow(/two shortages/);
  });
});
