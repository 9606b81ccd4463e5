import fc from 'fast-check';
import { RuleViolationError } from '../errors/domain-error';
import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import { ROLES } from '../reference/codes';
import { TRAINING_CATEGORIES } from './training-cycle';
import {
  assertDecidable,
  assertMayDecide,
  assertReversible,
  decisionReach,
  ledgerTotals,
  LedgerEntry,
  trainingRecordProblems,
  TrainingRecordStatus,
} from './training-ledger';

const policy = JIANGSU_2024_POLICY.parameters.training;
const today = '2026-09-01';
const problems = (hours: number, startDate: string, endDate: string) => trainingRecordProblems({ hours, startDate, endDate }, today, policy);

describe('validating a training record', () => {
  it('accepts half-hour steps up to 8 hours a day of the activity', () => {
    expect(problems(0.5, '2026-03-01', '2026-03-01')).toEqual({});
    expect(problems(8, '2026-03-01', '2026-03-01')).toEqual({});
    expect(problems(24, '2026-03-01', '2026-03-03')).toEqual({});
  });

  it('refuses 0, negative, 0.3 and 9 hours in one day, naming the field', () => {
    expect(Object.keys(problems(0, '2026-03-01', '2026-03-01'))).toEqual(['hours']);
    expect(Object.keys(problems(-2, '2026-03-01', '2026-03-01'))).toEqual(['hours']);
    expect(problems(0.3, '2026-03-01', '2026-03-01').hours).toEqual(['must be in steps of 0.5 hours']);
    expect(problems(9, '2026-03-01', '2026-03-01').hours).toEqual(['at most 8 hours a day: 8 for 1 day']);
    expect(problems(24.5, '2026-03-01', '2026-03-03').hours).toHaveLength(1);
  });

  it('refuses end before start, dates in the future, and records that cross a cycle boundary', () => {
    expect(Object.keys(problems(2, '2026-03-02', '2026-03-01'))).toEqual(['endDate']);
    expect(Object.keys(problems(2, '2026-09-02', '2026-09-02')).sort()).toEqual(['endDate', 'startDate']);
    expect(problems(2, '2026-09-01', '2026-09-01')).toEqual({});
    expect(problems(16, '2025-12-31', '2026-01-01').endDate).toEqual(['must lie in the same training cycle as startDate (2021-01-01 – 2025-12-31)']);
    expect(problems(16, '2025-12-30', '2025-12-31')).toEqual({});
  });

  it('refuses dates outside the supported range, naming each, before counting days or cycles', () => {
    expect(problems(2, '0000-01-01', '2026-03-01')).toEqual({ startDate: ['must lie between 1900-01-01 and 2199-12-31'] });
    expect(problems(2, '2026-03-01', '9999-12-31')).toEqual({ endDate: ['must lie between 1900-01-01 and 2199-12-31'] });
    expect(Object.keys(problems(2, '1899-12-31', '2200-01-01')).sort()).toEqual(['endDate', 'startDate']);
    expect(problems(2, '2026-02-30', '2026-03-01').startDate).toEqual(['must be a date YYYY-MM-DD']);
    expect(problems(8, '1900-01-01', '1900-01-01')).toEqual({});
  });

  it('counts Feb 29 as a day of the activity', () => {
    expect(problems(16, '2024-02-28', '2024-02-29')).toEqual({});
    expect(problems(16.5, '2024-02-28', '2024-02-29').hours).toHaveLength(1);
  });
});

describe('who decides on a record', () => {
  const record = (category: (typeof TRAINING_CATEGORIES)[number], teacherId = 't-staff') => ({ teacherId, category });
  const mayDecide = (actor: Parameters<typeof assertMayDecide>[0], r: Parameters<typeof assertMayDecide>[1]) => {
    try {
      assertMayDecide(actor, r);
      return true;
    } catch (error) {
      expect(error).toMatchObject({ code: 'FORBIDDEN' });
      return false;
    }
  };

  it('lets officers decide every category and a principal school-based training only', () => {
    for (const category of TRAINING_CATEGORIES) {
      expect(mayDecide({ role: 'COUNTY_OFFICER' }, record(category))).toBe(true);
      expect(mayDecide({ role: 'PROVINCE_ADMIN' }, record(category))).toBe(true);
      expect(mayDecide({ role: 'PRINCIPAL', teacherId: 't-head' }, record(category))).toBe(category === 'SCHOOL_BASED');
    }
  });

  it('never lets teachers or city officers decide, nor anyone on their own record', () => {
    expect(mayDecide({ role: 'TEACHER', teacherId: 't-staff' }, record('SCHOOL_BASED', 't-other'))).toBe(false);
    expect(mayDecide({ role: 'CITY_OFFICER' }, record('COUNTY'))).toBe(false);
    expect(mayDecide({ role: 'PRINCIPAL', teacherId: 't-head' }, record('SCHOOL_BASED', 't-head'))).toBe(false);
    expect(mayDecide({ role: 'COUNTY_OFFICER', teacherId: 't-officer' }, record('NATIONAL', 't-officer'))).toBe(false);
  });

  it('reads as a filter that admits exactly the records the check lets through', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...TRAINING_CATEGORIES), fc.boolean(), fc.boolean(), (role, category, linked, own) => {
        const actor = { role, teacherId: linked ? 't-me' : null };
        const r = record(category, own ? 't-me' : 't-staff');
        const reach = decisionReach(actor);
        const admitted = reach.categories.includes(category) && reach.excludeTeacherId !== r.teacherId;
        expect(admitted).toBe(mayDecide(actor, r));
      }),
    );
  });
});

describe('decisions and reversals', () => {
  it('decides a submitted record once', () => {
    expect(() => assertDecidable({ status: 'SUBMITTED', kind: 'RECORD' })).not.toThrow();
    for (const status of ['APPROVED', 'REJECTED'] as const) {
      expect(() => assertDecidable({ status, kind: 'RECORD' })).toThrow(expect.objectContaining({ code: 'ALREADY_DECIDED' }));
    }
  });

  it('reverses an approved record once; never a pending one or a reversal', () => {
    expect(() => assertReversible({ status: 'APPROVED', kind: 'RECORD' }, false)).not.toThrow();
    const code = (f: () => void) => {
      try {
        f();
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(RuleViolationError);
        return (error as RuleViolationError).code;
      }
    };
    expect(code(() => assertReversible({ status: 'APPROVED', kind: 'RECORD' }, true))).toBe('ALREADY_REVERSED');
    expect(code(() => assertReversible({ status: 'SUBMITTED', kind: 'RECORD' }, false))).toBe('NOT_APPROVED');
    expect(code(() => assertReversible({ status: 'REJECTED', kind: 'RECORD' }, false))).toBe('NOT_APPROVED');
    expect(code(() => assertReversible({ status: 'APPROVED', kind: 'REVERSAL' }, false))).toBe('NOT_REVERSIBLE');
  });

  it('nets a reversal against its record: approved hours go back down, pending and rejected never count', () => {
    expect(
      ledgerTotals([
        { hours: 12, status: 'APPROVED' },
        { hours: -12, status: 'APPROVED' },
        { hours: 6.5, status: 'APPROVED' },
        { hours: 4, status: 'SUBMITTED' },
        { hours: 30, status: 'REJECTED' },
      ]),
    ).toEqual({ approvedHours: 6.5, pendingHours: 4 });
  });

  /**
   * Any sequence of submit / approve / reject / reverse, applied as the service applies them
   * (refused operations change nothing), leaves approvedHours = Σ approved records − Σ reversed ones.
   */
  it('keeps approvedHours equal to approved minus reversed hours for any sequence of operations', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('submit' as const), halfHours: fc.integer({ min: 1, max: 32 }) }),
      fc.record({ kind: fc.constantFrom('approve' as const, 'reject' as const, 'reverse' as const), index: fc.nat(40) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const records: { hours: number; status: TrainingRecordStatus; reversed: boolean }[] = [];
        const reversals: LedgerEntry[] = [];
        for (const o of ops) {
          if (o.kind === 'submit') {
            records.push({ hours: o.halfHours / 2, status: 'SUBMITTED', reversed: false });
            continue;
          }
          const record = records[o.index % Math.max(1, records.length)];
          if (!record) continue;
          try {
            if (o.kind === 'reverse') {
              assertReversible({ status: record.status, kind: 'RECORD' }, record.reversed);
              record.reversed = true;
              reversals.push({ hours: -record.hours, status: 'APPROVED' });
            } else {
              assertDecidable({ status: record.status, kind: 'RECORD' });
              record.status = o.kind === 'approve' ? 'APPROVED' : 'REJECTED';
            }
          } catch (error) {
            expect(error).toBeInstanceOf(RuleViolationError);
          }
        }
        const ledger: LedgerEntry[] = [...records.map((r) => ({ hours: r.hours, status: r.status })), ...reversals];
        const approved = records.filter((r) => r.status === 'APPROVED').reduce((sum, r) => sum + r.hours, 0);
        const reversed = records.filter((r) => r.reversed).reduce((sum, r) => sum + r.hours, 0);
        const pending = records.filter((r) => r.status === 'SUBMITTED').reduce((sum, r) => sum + r.hours, 0);
        expect(ledgerTotals(ledger)).toEqual({ approvedHours: approved - reversed, pendingHours: pending });
        expect(records.every((r) => !r.reversed || r.status === 'APPROVED')).toBe(true);
      }),
    );
  });
});
