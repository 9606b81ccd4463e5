import { Workbook } from 'exceljs';
import { Client, PREFIX } from './api';
import { eventually } from './eventually';
import type { TestApp } from './test-app';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | boolean | null | { formula: string };

export interface ImportBody {
  id: string;
  status: string;
  kind: string;
  rows: number;
  errorCount: number;
  errors: { sheet: string; row: number; column: string | null; heading: string | null; code: string; message: string }[];
  counts: { created: number; updated: number; unchanged: number } | null;
}

/** A supertest answer with a binary body kept as a Buffer (JSON error bodies parsed as usual). */
function binary(test: ReturnType<Client['get']>): ReturnType<Client['get']> {
  return test.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => {
      const bytes = Buffer.concat(chunks);
      done(null, String(response.headers['content-type']).includes('json') ? JSON.parse(bytes.toString('utf8')) : bytes);
    });
  });
}

export async function workbookOf(bytes: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The values of a sheet's rows (from the first column), empty cells as null, formulas as {formula}. */
export function sheetValues(workbook: Workbook, name: string): Cell[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : (v as Cell))));
  });
  return rows;
}

/** Imports through HTTP as `client`: send a file, wait for its check, commit it. */
export class Importer {
  constructor(private readonly t: TestApp) {}

  send(client: Client, countyId: string, kind: string, bytes: Buffer, contentType = bytes[0] === 0x50 ? XLSX : 'text/csv') {
    return this.t
      .http()
      .post(`${PREFIX}/counties/${countyId}/imports?kind=${kind}`)
      .set('Authorization', `Bearer ${client.token}`)
      .set('Content-Type', contentType)
      .send(bytes);
  }

  download(client: Client, path: string) {
    return binary(
      this.t
        .http()
        .get(PREFIX + path)
        .set('Authorization', `Bearer ${client.token}`),
    );
  }

  /** Sends a file and waits for its check to finish (READY or FAILED). */
  async preview(client: Client, countyId: string, kind: string, bytes: Buffer, contentType?: string): Promise<ImportBody> {
    const sent = await this.send(client, countyId, kind, bytes, contentType);
    if (sent.status !== 202) throw new Error(`import answered ${sent.status}: ${JSON.stringify(sent.body)}`);
    let body: ImportBody | null = null;
    await eventually(async () => {
      const read = await client.get(`/imports/${sent.body.importId}`);
      expect(read.status).toBe(200);
      expect(['READY', 'FAILED']).toContain(read.body.status);
      body = read.body as ImportBody;
    }, 60_000);
    return body as unknown as ImportBody;
  }

  async commit(client: Client, countyId: string, kind: string, bytes: Buffer): Promise<ImportBody> {
    const checked = await this.preview(client, countyId, kind, bytes);
    if (checked.errorCount > 0) throw new Error(`${kind}: ${JSON.stringify(checked.errors.slice(0, 5))}`);
    const committed = await client.post(`/imports/${checked.id}/commit`);
    if (committed.status !== 200) throw new Error(`commit answered ${committed.status}: ${JSON.stringify(committed.body)}`);
    return committed.body as ImportBody;
  }
}
