import { CODE_LISTS, CodeList } from './code-labels';
import { codeTables } from './code-tables';
import { ERROR_LABELS } from './error-labels';

describe('code tables', () => {
  const sut = codeTables();

  it('hold every code list, each in list order with both labels', () => {
    for (const list of Object.keys(CODE_LISTS) as CodeList[]) {
      expect(sut[list].map((c) => c.code)).toEqual(CODE_LISTS[list].map(String));
    }
    expect(sut.titleLevels.map((c) => c.code)).toEqual(['NONE', 'THIRD', 'SECOND', 'FIRST', 'SENIOR', 'PRINCIPAL_SENIOR']);
    expect(sut.locations).toEqual([
      { code: 'URBAN', zh: '城区', en: 'Urban' },
      { code: 'TOWN', zh: '镇区', en: 'Town' },
      { code: 'RURAL', zh: '乡村', en: 'Rural' },
    ]);
  });

  it('hold the error codes with their statuses and explanations', () => {
    expect(sut.errors.map((e) => e.code)).toEqual(Object.keys(ERROR_LABELS));
    expect(sut.errors.find((e) => e.code === 'POSTING_OVERLAP')).toEqual({ code: 'POSTING_OVERLAP', ...ERROR_LABELS.POSTING_OVERLAP, status: 422 });
  });
});
