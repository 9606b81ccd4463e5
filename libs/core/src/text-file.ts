import { decode, encode } from 'iconv-lite';
import { UnsupportedMediaTypeError, ValidationFailedError } from '@app/domain';

export type TextEncoding = 'UTF-8' | 'GB18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** A control character that no spreadsheet writes into a CSV (tab, line feed and carriage return are text). */
export function isControlCharacter(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (isControlCharacter(text.charCodeAt(i))) return true;
  return false;
}

const SAVE_AS = 'save it from Excel as "CSV UTF-8 (逗号分隔)" or "CSV (逗号分隔)" and send it again';

/** Charset names a sender may declare for each encoding the desk reads (as in `text/csv; charset=gbk`). */
const DECLARED: Record<string, TextEncoding> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  gb18030: 'GB18030',
  gbk: 'GB18030',
  gb2312: 'GB18030',
  cp936: 'GB18030',
};

/**
 * The text of an uploaded file: UTF-8 (with or without a byte-order mark) when the bytes are
 * valid UTF-8, else GB18030 (which includes GBK and GB2312, what Excel on Chinese Windows writes)
 * when they are valid GB18030 and read as Chinese text. A charset the sender declares is taken at
 * its word (one the desk does not read answers 415). Anything else answers 400 naming the file
 * (field `file`), so that no garbled text is ever stored.
 */
export function decodeTextFile(bytes: Uint8Array, fileName?: string, declaredCharset?: string): DecodedText {
  const named = fileName ? `The file "${fileName}"` : 'The file';
  const refuse = (why: string) => ValidationFailedError.field('file', `${named} ${why}; ${SAVE_AS}`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw refuse('is UTF-16 text ("Unicode text"), not CSV');
  }
  const declared = declaredCharset === undefined ? undefined : DECLARED[declaredCharset.trim().toLowerCase()];
  if (declaredCharset !== undefined && declared === undefined) {
    throw new UnsupportedMediaTypeError(`The charset ${declaredCharset} is not read here: send UTF-8 or GB18030 (GBK)`, { charset: declaredCharset });
  }
  const decoded = declared === 'GB18030' ? asGb18030(bytes, false) : declared === 'UTF-8' ? asUtf8(bytes) : (asUtf8(bytes) ?? asGb18030(bytes));
  if (!decoded) throw refuse(declared ? `is not ${declared} text as declared` : 'is neither UTF-8 nor GB18030 (GBK) text');
  if (hasControlCharacter(decoded.text)) throw refuse('holds control characters: it is not a text file');
  return decoded;
}

function asUtf8(bytes: Uint8Array): DecodedText | null {
  try {
    // fatal: invalid bytes throw instead of turning into U+FFFD; a leading BOM is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return null;
  }
}

/**
 * GB18030 when decoding and encoding again gives the same bytes (invalid sequences become U+FFFD
 * and do not), and, unless the sender declared GB18030, most of the characters written in two or more bytes are GB2312 characters (two
 * bytes from 0xA1): Chinese text is, while Latin-1 accented letters followed by ASCII letters also
 * form valid but rare two-byte characters.
 */
function asGb18030(bytes: Uint8Array, mustLookChinese = true): DecodedText | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = decode(buffer, 'gb18030', { stripBOM: false });
  if (!encode(text, 'gb18030', { addBOM: false }).equals(buffer)) return null;
  if (!mustLookChinese) return { text: text.replace(/^\uFEFF/, ''), encoding: 'GB18030' };
  let wide = 0;
  let common = 0;
  for (let i = 0; i < buffer.length;) {
    const lead = buffer[i];
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = buffer[i + 1] >= 0x30 && buffer[i + 1] <= 0x39 ? 4 : 2;
    wide += 1;
    if (length === 2 && lead >= 0xa1 && lead <= 0xf7 && buffer[i + 1] >= 0xa1) common += 1;
    i += length;
  }
  return common * 2 >= wide ? { text: text.replace(/^\uFEFF/, ''), encoding: 'GB18030' } : null;
}
