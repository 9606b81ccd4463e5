import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { RawCell } from '@app/domain';

/**
 * A streaming reader of the sheets of an XLSX workbook, for imports: the zip's entries are found
 * from its central directory, each sheet is inflated and decoded as a stream (a character split
 * between two pieces is joined, which exceljs's streaming reader does not do: it garbles Chinese
 * text at piece boundaries), and rows are handed out one by one. Cells are read as stored: shared
 * and inline strings, numbers (dates are Excel's serial numbers), booleans, and formulas as
 * formulas (never evaluated). Nothing else of the workbook is read: no styles, no macros.
 */

class XlsxFormatError extends Error {}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i -= 1) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new XlsxFormatError('is not a zip archive (no central directory)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new XlsxFormatError('has a damaged zip directory');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name.replace(/^\//, ''), { name, method, compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function compressed(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw new XlsxFormatError(`has a damaged entry ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxFormatError(`compresses ${entry.name} in a way not read here (method ${entry.method})`);
  return zip.subarray(start, start + entry.compressedSize);
}

function entryText(zip: Buffer, entry: ZipEntry): string {
  const data = compressed(zip, entry);
  return (entry.method === 0 ? data : inflateRawSync(data)).toString('utf8');
}

/** The text of an entry piece by piece, decoded across piece boundaries. */
async function* entryPieces(zip: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const data = compressed(zip, entry);
  const decoder = new StringDecoder('utf8');
  const source = entry.method === 0 ? Readable.from([data]) : Readable.from([data]).pipe(createInflateRaw());
  for await (const piece of source as AsyncIterable<Buffer>) yield decoder.write(piece);
  yield decoder.end();
}

/** Elements matched by `pattern` (global) in a text that arrives in pieces: each complete one, in order. */
async function* elements(pieces: AsyncIterable<string>, pattern: RegExp): AsyncGenerator<string> {
  let pending = '';
  for await (const piece of pieces) {
    pending += piece;
    pattern.lastIndex = 0;
    let consumed = 0;
    for (let match = pattern.exec(pending); match; match = pattern.exec(pending)) {
      yield match[0];
      consumed = pattern.lastIndex;
    }
    pending = pending.slice(consumed);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) =>
    entity.startsWith('#x')
      ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.slice(1)))
        : ENTITIES[entity],
  );
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1]) : undefined;
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
function stringText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const match of plain.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) text += unescapeXml(match[1] ?? '');
  return text;
}

function columnIndex(reference: string): number {
  let index = 0;
  for (const ch of reference) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

/** The sheets of a workbook by name, in order, each readable as rows. */
export interface XlsxSheet {
  readonly name: string;
  rows(): AsyncGenerator<{ row: number; cells: RawCell[] }>;
}

export async function xlsxSheets(bytes: Uint8Array): Promise<XlsxSheet[]> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipEntries(zip);
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new XlsxFormatError('is not an XLSX workbook (no xl/workbook.xml)');
  const targets = new Map<string, string>();
  for (const match of entryText(zip, rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(match[0], 'Id');
    const target = attribute(match[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared: string[] = [];
  const sharedEntry = entries.get('xl/sharedStrings.xml');
  if (sharedEntry) {
    for await (const item of elements(entryPieces(zip, sharedEntry), /<si\b[^>]*?(?:\/>|>[\s\S]*?<\/si>)/g)) shared.push(stringText(item));
  }
  const sheets: XlsxSheet[] = [];
  for (const match of entryText(zip, workbook).matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(match[0], 'name') ?? '';
    const target = targets.get(attribute(match[0], 'r:id') ?? '');
    const entry = target ? entries.get(target) : undefined;
    if (!entry) continue;
    sheets.push({ name, rows: () => sheetRows(zip, entry, shared) });
  }
  return sheets;
}

async function* sheetRows(zip: Buffer, entry: ZipEntry, shared: readonly string[]): AsyncGenerator<{ row: number; cells: RawCell[] }> {
  let previous = 0;
  for await (const xml of elements(entryPieces(zip, entry), /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g)) {
    const open = /^<row\b[^>]*>/.exec(xml)?.[0] ?? '';
    const row = Number(attribute(open, 'r') ?? previous + 1);
    previous = row;
    const cells: RawCell[] = [];
    let next = 0;
    for (const match of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = ` ${match[1]}`;
      const reference = attribute(attributes, 'r');
      const index = reference ? columnIndex(reference) : next;
      next = index + 1;
      const body = match[2] ?? '';
      const type = attribute(attributes, 't') ?? 'n';
      const formula = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let cell: RawCell = null;
      if (formula) cell = { formula: unescapeXml(formula[1] ?? '') };
      else if (type === 's') cell = value === undefined ? null : (shared[Number(value)] ?? null);
      else if (type === 'inlineStr') cell = stringText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (type === 'b') cell = value === undefined ? null : value === '1';
      else if (type === 'str' || type === 'e') cell = value === undefined ? null : unescapeXml(value);
      else if (type === 'd') cell = value === undefined ? null : new Date(value);
      else cell = value === undefined || value === '' ? null : Number(value);
      while (cells.length < index) cells.push(null);
      cells[index] = cell;
    }
    yield { row, cells };
  }
}
