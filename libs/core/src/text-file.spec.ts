import fc from 'fast-check';
import { encode } from 'iconv-lite';
import { UnsupportedMediaTypeError, ValidationFailedError } from '@app/domain';
import { decodeTextFile, isControlCharacter } from './text-file';

const refusal = (bytes: Uint8Array, name?: string): string => {
  try {
    decodeTextFile(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    const messages = (error as ValidationFailedError).fields.file;
    expect(messages).toHaveLength(1);
    return messages[0];
  }
  throw new Error('the file was accepted');
};

describe('decodeTextFile', () => {
  const csv = '工号,培训名称,举办单位,类别,学时,开始日期,结束日期\nFX001,国培计划（2026）,江苏省教育厅,省级培训,12,2026-07-01,2026-07-02\n';

  it('reads UTF-8 with or without a byte-order mark, dropping the mark', () => {
    expect(decodeTextFile(Buffer.from(csv, 'utf8'))).toEqual({ text: csv, encoding: 'UTF-8' });
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]))).toEqual({ text: csv, encoding: 'UTF-8' });
    expect(decodeTextFile(Buffer.from('staffNo,title\n', 'ascii')).encoding).toBe('UTF-8');
  });

  it('reads GB18030 (GBK) as Excel on Chinese Windows writes it, rare name characters and four-byte characters included', () => {
    const gbk = `${csv}FX002,校本研修：喆、堃的名字,丰县实验小学,校本研修,4,2026-03-01,2026-03-01\n`;
    expect(decodeTextFile(encode(gbk, 'gbk'))).toEqual({ text: gbk, encoding: 'GB18030' });
    const beyondGbk = `${gbk}FX003,𠀾,丰县实验小学,校本研修,4,2026-03-01,2026-03-01\n`;
    expect(decodeTextFile(encode(beyondGbk, 'gb18030'))).toEqual({ text: beyondGbk, encoding: 'GB18030' });
  });

  it('prefers UTF-8 whenever the bytes are valid UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const text = [...s]
          .filter((c) => !isControlCharacter(c.charCodeAt(0)))
          .join('')
          .replace(/^\uFEFF+/, '');
        expect(decodeTextFile(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'UTF-8' });
      }),
    );
  });

  it('reads back any file of Chinese text written as GB18030', () => {
    // Under a Chinese heading: a few GB18030 characters alone can happen to be valid UTF-8 (山 is C9 BD, also ɽ).
    const chars = [...'工号培训名称举办单位类别学时开始日期结束日期国培计划江苏省教育厅丰县华山镇中心小学，。：（）'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars, ',', '\n', 'A', '7')), (parts) => {
        const text = `工号,培训名称\n${parts.join('')}`;
        expect(decodeTextFile(encode(text, 'gb18030')).text).toBe(text);
      }),
    );
  });

  it('refuses Latin-1 text, naming the file, also where every accented letter happens to form a valid GB18030 pair', () => {
    expect(refusal(Buffer.from('staffNo,title\nX1,Café, crème brûlée\n', 'latin1'), 'kurse.csv')).toMatch(
      /^The file "kurse\.csv" is neither UTF-8 nor GB18030 \(GBK\) text; save it from Excel as "CSV UTF-8/,
    );
    expect(refusal(Buffer.from('staffNo,title\nX1,Müller Jürgen Gärtner\n', 'latin1'), 'namen.csv')).toMatch(
      /"namen\.csv" is neither UTF-8 nor GB18030/,
    );
  });

  it('refuses binary files and UTF-16 text', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(refusal(png, 'photo.csv')).toMatch(/"photo\.csv"/);
    expect(refusal(Buffer.from('staffNo\u0000title\n', 'utf8'))).toMatch(/^The file holds control characters/);
    expect(refusal(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('staffNo,title\n', 'utf16le')]), 'unicode.txt')).toMatch(
      /"unicode\.txt" is UTF-16 text/,
    );
  });

  it('takes a declared charset at its word: GBK read as GB18030 even where the bytes are also UTF-8, UTF-8 only as UTF-8', () => {
    // 山 alone is C9 BD in GB18030, which is also valid UTF-8 (ɽ): undeclared it reads as UTF-8, declared as GBK it is 山.
    expect(decodeTextFile(encode('山', 'gb18030'))).toEqual({ text: 'ɽ', encoding: 'UTF-8' });
    expect(decodeTextFile(encode('山', 'gb18030'), undefined, 'GBK')).toEqual({ text: '山', encoding: 'GB18030' });
    expect(decodeTextFile(encode('工号,姓名\n', 'gb18030'), undefined, 'gb2312').text).toBe('工号,姓名\n');
    expect(decodeTextFile(Buffer.from('工号\n', 'utf8'), undefined, 'utf-8')).toEqual({ text: '工号\n', encoding: 'UTF-8' });
    try {
      decodeTextFile(encode('工号,姓名\n', 'gb18030'), 'kurse.csv', 'UTF-8');
      throw new Error('accepted');
    } catch (error) {
      expect((error as ValidationFailedError).fields.file[0]).toMatch(/"kurse\.csv" is not UTF-8 text as declared/);
    }
  });

  it('answers a charset it does not read with 415, naming it', () => {
    expect(() => decodeTextFile(Buffer.from('a\n'), undefined, 'klingon')).toThrow(UnsupportedMediaTypeError);
    try {
      decodeTextFile(Buffer.from('a\n'), undefined, 'latin1');
    } catch (error) {
      expect(error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { charset: 'latin1' } });
    }
  });
});
