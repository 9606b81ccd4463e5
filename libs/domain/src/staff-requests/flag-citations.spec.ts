import { assertCitable, CitableFlag } from './flag-citations';

const flags: CitableFlag[] = [
  { id: 'f-open', schoolId: 'mine', status: 'OPEN' },
  { id: 'f-resolved', schoolId: 'mine', status: 'RESOLVED' },
  { id: 'f-other', schoolId: 'theirs', status: 'OPEN' },
];

describe('flags a staff request cites', () => {
  it('are open flags of the request’s own school', () => {
    expect(() => assertCitable('mine', ['f-open'], flags)).not.toThrow();
    expect(() => assertCitable('mine', [], flags)).not.toThrow();
  });

  it('refuse a flag of another school, and an id naming no flag, alike (nothing learnt of other schools)', () => {
    for (const cited of [['f-other'], ['nothing'], ['f-open', 'f-other']]) {
      expect(() => assertCitable('mine', cited, flags)).toThrow(
        expect.objectContaining({ code: 'FLAG_NOT_OF_SCHOOL', details: { flagIds: cited.filter((id) => id !== 'f-open') } }),
      );
    }
  });

  it('refuse a resolved flag of the school', () => {
    expect(() => assertCitable('mine', ['f-open', 'f-resolved'], flags)).toThrow(
      expect.objectContaining({ code: 'FLAG_NOT_OPEN', details: { flagIds: ['f-resolved'] } }),
    );
  });

  it('name another school before a resolved flag', () => {
    expect(() => assertCitable('mine', ['f-resolved', 'f-other'], flags)).toThrow(expect.objectContaining({ code: 'FLAG_NOT_OF_SCHOOL' }));
  });
});
