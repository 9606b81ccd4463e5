import { ValidationFailedError } from '../errors/domain-error';
import { TeacherFacts, validateTeacherFacts } from './teacher-facts';

const valid: TeacherFacts = {
  birthDate: '1985-03-01',
  hireDate: '2008-09-01',
  subject: 'MATH',
  extraSubjects: [],
  title: { level: 'FIRST', since: '2018-09-01' },
  backbone: 'NONE',
};

function fieldsOf(facts: TeacherFacts): string[] {
  try {
    validateTeacherFacts(facts);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return Object.keys((error as ValidationFailedError).fields).sort();
  }
}

describe('teacher facts', () => {
  it('accepts a consistent teacher', () => {
    expect(fieldsOf(valid)).toEqual([]);
    expect(fieldsOf({ ...valid, title: { level: 'NONE', since: null } })).toEqual([]);
  });

  it('needs the hire at 16 or older', () => {
    expect(fieldsOf({ ...valid, hireDate: '2001-02-28' })).toEqual(['hireDate']);
    expect(fieldsOf({ ...valid, hireDate: '2001-03-01' })).toEqual([]);
  });

  it('needs a date for a title and none without one', () => {
    expect(fieldsOf({ ...valid, title: { level: 'SENIOR' } })).toEqual(['title.since']);
    expect(fieldsOf({ ...valid, title: { level: 'NONE', since: '2010-01-01' } })).toEqual(['title.since']);
    expect(fieldsOf({ ...valid, title: { level: 'FIRST', since: '1980-01-01' } })).toEqual(['title.since']);
  });

  it('checks extra subjects: not the main one, once each, parts of one week', () => {
    expect(
      fieldsOf({
        ...valid,
        extraSubjects: [
          { subject: 'PE', fraction: 0.3 },
          { subject: 'MUSIC', fraction: 0.2 },
        ],
      }),
    ).toEqual([]);
    expect(fieldsOf({ ...valid, extraSubjects: [{ subject: 'MATH', fraction: 0.3 }] })).toEqual(['extraSubjects.0.subject']);
    expect(
      fieldsOf({
        ...valid,
        extraSubjects: [
          { subject: 'PE', fraction: 0.3 },
          { subject: 'PE', fraction: 0.2 },
        ],
      }),
    ).toEqual(['extraSubjects.1.subject']);
    expect(fieldsOf({ ...valid, extraSubjects: [{ subject: 'PE', fraction: 1 }] })).toEqual(['extraSubjects.0.fraction']);
    expect(fieldsOf({ ...valid, extraSubjects: [{ subject: 'PE', fraction: 0.1234 }] })).toEqual(['extraSubjects.0.fraction']);
    expect(
      fieldsOf({
        ...valid,
        extraSubjects: [
          { subject: 'PE', fraction: 0.6 },
          { subject: 'MUSIC', fraction: 0.5 },
        ],
      }),
    ).toEqual(['extraSubjects']);
    expect(
      fieldsOf({
        ...valid,
        extraSubjects: [
          { subject: 'PE', fraction: 0.5 },
          { subject: 'MUSIC', fraction: 0.5 },
        ],
      }),
    ).toEqual([]);
  });
});
