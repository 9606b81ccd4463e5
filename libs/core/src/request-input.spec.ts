import { inputProblems, MAX_INPUT_DEPTH } from './request-input';

const body = { prefix: '', label: 'body' };
const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('request input', () => {
  it('lets ordinary bodies, queries and text through, Chinese and emoji included', () => {
    expect(inputProblems({ name: '丰县华山镇中心小学 👩‍🏫', grades: [{ grade: 1 }], title: { since: null } }, body)).toEqual({});
    expect(inputProblems('staffNo,title\nFX1,培训', body)).toEqual({});
    expect(inputProblems(undefined, body)).toEqual({});
  });

  it(`refuses containers nested deeper than ${MAX_INPUT_DEPTH} levels, at any depth of input without recursing`, () => {
    expect(inputProblems(nested(MAX_INPUT_DEPTH), body)).toEqual({});
    const deeper = inputProblems(nested(MAX_INPUT_DEPTH + 1), body);
    expect(Object.values(deeper)).toEqual([[`nests deeper than ${MAX_INPUT_DEPTH} levels`]]);
    expect(Object.keys(deeper)[0]).toBe(Array(MAX_INPUT_DEPTH).fill('a').join('.'));
    const huge = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(Object.keys(inputProblems(huge, body))).toHaveLength(1);
  });

  it('refuses __proto__, constructor and prototype as keys anywhere, naming the path', () => {
    const parsed = JSON.parse('{"title": {"__proto__": {"admin": true}}, "list": [{"constructor": 1}], "prototype": 2}');
    expect(inputProblems(parsed, body)).toEqual({
      'title.__proto__': ['is a reserved name, not a field'],
      'list.0.constructor': ['is a reserved name, not a field'],
      prototype: ['is a reserved name, not a field'],
    });
    expect(Object.getPrototypeOf(inputProblems(parsed, body))).toBe(Object.prototype);
  });

  it('refuses NUL and unpaired surrogates in values and keys, keeping paired ones', () => {
    expect(inputProblems({ name: 'a\u0000b' }, body)).toEqual({ name: ['must not contain the NUL character (U+0000)'] });
    expect(inputProblems({ list: ['ok', 'x\ud800'] }, body)).toEqual({ 'list.1': ['must not contain unpaired surrogates (not valid Unicode text)'] });
    expect(inputProblems({ name: '\udc00' }, body)).toHaveProperty('name');
    expect(inputProblems({ name: '\ud83d\ude00' }, body)).toEqual({});
    expect(inputProblems({ 'a\u0000': 1 }, body)).toEqual({ body: ['has a field name that must not contain the NUL character (U+0000)'] });
  });

  it('names the input itself when it is the bad text (a CSV body, a path parameter)', () => {
    expect(inputProblems('FX1\u0000', body)).toEqual({ body: ['must not contain the NUL character (U+0000)'] });
    expect(inputProblems('\u0000', { prefix: 'id', label: 'id' })).toEqual({ id: ['must not contain the NUL character (U+0000)'] });
    expect(inputProblems({ asOf: '\u0000' }, { prefix: '', label: 'query' })).toEqual({ asOf: ['must not contain the NUL character (U+0000)'] });
  });

  it('reports at most 20 problems however many the input has', () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, '\u0000']));
    expect(Object.keys(inputProblems(many, body))).toHaveLength(20);
  });

  it('leaves buffers and class instances alone', () => {
    expect(inputProblems({ file: Buffer.from('\u0000') }, body)).toEqual({});
    expect(inputProblems(new Date(0), body)).toEqual({});
  });
});
