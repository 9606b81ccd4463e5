import { importColumns } from './import-columns';
import { columnOfHeading, isBlankRow, readCell, readHeadings, readRow, safeCellText, writeCell } from './import-cells';

const column = (kind: Parameters<typeof importColumns>[0], key: string) => {
  const found = importColumns(kind).find((c) => c.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('reading and writing the cells of an import', () => {
  it('reads codes by code, Chinese or English label; flags as 是/否; dates in the forms Excel writes', () => {
    expect(readCell(column('teachers', 'titleLevel'), '一级教师')).toEqual({ value: 'FIRST' });
    expect(readCell(column('teachers', 'titleLevel'), ' first ')).toEqual({ value: 'FIRST' });
    expect(readCell(column('teachers', 'backbone'), 'County backbone teacher')).toEqual({ value: 'COUNTY' });
    expect(readCell(column('schools', 'location'), '乡村')).toEqual({ value: 'RURAL' });
    expect(readCell(column('schools', 'location'), '农村')).toHaveProperty('problem');
    expect(readCell(column('schools', 'weak'), '是')).toEqual({ value: true });
    expect(readCell(column('schools', 'weak'), 'FALSE')).toEqual({ value: false });
    expect(readCell(column('schools', 'weak'), true)).toEqual({ value: true });
    expect(readCell(column('schools', 'weak'), '也许')).toHaveProperty('problem');
    expect(readCell(column('teachers', 'birthDate'), '1986/4/2')).toEqual({ value: '1986-04-02' });
    expect(readCell(column('teachers', 'birthDate'), '1986年4月2日')).toEqual({ value: '1986-04-02' });
    expect(readCell(column('teachers', 'birthDate'), new Date(Date.UTC(1986, 3, 2)))).toEqual({ value: '1986-04-02' });
    expect(readCell(column('teachers', 'birthDate'), 31504)).toEqual({ value: '1986-04-02' });
    expect(readCell(column('teachers', 'birthDate'), '1986-02-30')).toEqual({ problem: 'must be a date YYYY-MM-DD' });
    expect(readCell(column('teachers', 'birthDate'), '0001-01-01')).toHaveProperty('problem');
    expect(readCell(column('teachers', 'staffNo'), 20080031)).toEqual({ value: '20080031' });
    expect(readCell(column('teachers', 'staffNo'), 'FX 01')).toHaveProperty('problem');
    expect(readCell(column('postings', 'fraction'), 0.25)).toEqual({ value: 250 });
    expect(readCell(column('postings', 'fraction'), '1.5')).toHaveProperty('problem');
    expect(readCell(column('enrolment', 'grade'), '13')).toEqual({ problem: 'must be between 1 and 12' });
    expect(readCell(column('teachers', 'extraSubjects'), '音乐:0.3；Fine arts：0.2')).toEqual({
      value: [
        { subject: 'MUSIC', fraction: 0.3 },
        { subject: 'FINE_ARTS', fraction: 0.2 },
      ],
    });
    expect(readCell(column('teachers', 'extraSubjects'), '音乐')).toHaveProperty('problem');
    expect(readCell(column('teachers', 'name'), '   ')).toEqual({ value: null });
  });

  it('never evaluates a formula: a formula cell is a problem of its own', () => {
    expect(readCell(column('teachers', 'name'), { formula: 'A1&B1' })).toEqual({
      problem: 'is a formula: formulas are not evaluated here; copy the cells and paste them as values',
    });
  });

  it('writes text a spreadsheet would run with an apostrophe before it, and reads it back without', () => {
    for (const text of ['=1+1', '+86 123', '-2', '@SUM(A1)', '\tx', '\rx']) {
      expect(safeCellText(text)).toBe(`'${text}`);
      expect(readCell(column('schools', 'name'), safeCellText(text))).toEqual({ value: text });
    }
    expect(safeCellText('丰县城南小学')).toBe('丰县城南小学');
    expect(writeCell(column('schools', 'name'), '=cmd|calc')).toBe("'=cmd|calc");
    expect(writeCell(column('schools', 'weak'), true)).toBe('是');
    expect(writeCell(column('teachers', 'titleLevel'), 'SENIOR')).toBe('高级教师');
    expect(writeCell(column('postings', 'fraction'), 500)).toBe(0.5);
    expect(writeCell(column('teachers', 'extraSubjects'), [{ subject: 'MUSIC', fraction: 0.3 }])).toBe('音乐:0.3');
  });

  it('maps headings in Chinese, English or as field names; names unknown, repeated and missing columns', () => {
    expect(columnOfHeading('teachers', '职称取得日期')?.key).toBe('titleSince');
    expect(columnOfHeading('teachers', 'titlesince')?.key).toBe('titleSince');
    expect(columnOfHeading('teachers', 'Title since *')?.key).toBe('titleSince');
    const headings = readHeadings('postings', ['工号', 'School code', 'startDate', '任教类型', '备注', '工号', '导入错误']);
    expect(headings.problems).toEqual([
      { column: '备注', message: expect.stringContaining('is not a column of postings') },
      { column: 'staffNo', message: 'appears 2 times' },
    ]);
    expect(readHeadings('postings', ['工号']).problems.map((p) => p.column)).toEqual(['schoolCode', 'startDate', 'kind']);
  });

  it('reads a row: problems in the order of the sheet’s columns, required cells present, optional ones null', () => {
    const headings = readHeadings('postings', ['任教比例', '任教类型', '开始日期', '学校代码', '工号']);
    const row = readRow('postings', headings, [2, '旅游', null, 'FX0001', 'FX1']);
    expect(row.problems.map((p) => p.column)).toEqual(['startDate', 'kind', 'fraction']);
    const good = readRow('postings', headings, [null, '支教', '2020-09-01', 'FX0001', 'FX1']);
    expect(good).toEqual({
      values: { staffNo: 'FX1', schoolCode: 'FX0001', schoolCountyId: null, startDate: '2020-09-01', endDate: null, kind: 'SUPPORT', fraction: null },
      problems: [],
    });
    expect(isBlankRow([null, ' ', ''])).toBe(true);
    expect(isBlankRow([null, 0])).toBe(false);
  });
});
