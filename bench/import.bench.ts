/**
 * npm run bench -- import [--teachers N] [--postings P]   (N teachers in one county, default 6,000; about P postings a teacher, default 12)
 *
 * A county's posting history brought in from Excel, on a throw-away database: SQLite always, and MySQL/MariaDB too
 * when DATABASE_URL names a server. One county (320321 丰县) gets its schools and N teachers from the county generator,
 * written in bulk; each teacher gets a career of P consecutive full-time spells at the county's schools (the last one
 * open), about 70,000 postings for 6,000 teachers. They are written into an XLSX workbook of the postings template's
 * shape, then, measured in one process:
 *   (1) sending it: the file stored in the database and the preview job (streaming read of the workbook, every row
 *       checked against the county's registry with the posting rules), run in process by the sync driver;
 *   (2) committing it: the file read and checked again, every posting written in one transaction;
 *   (3) the baseline: the same postings written by BulkWriter (multi-row INSERTs) in one transaction, after the
 *       committed ones are deleted.
 * Target (the issue): (2) within 3× of (3); memory under 500 MB (the workbook is read streaming): printed as the
 * process's peak resident memory and its growth over what the process held before (1), the target judged on the growth. Cross-checks: the preview finds no problem, the commit creates every posting, and a second import of
 * the same file changes nothing.
 */
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@app/config';
import { Clock } from '@app/core';
import { BulkRow, BulkWriter, TransactionHost } from '@app/database';
import { Actor, addYears, CellValue, fromDay, JIANGSU_2024_POLICY, toDay } from '@app/domain';
import { CommitImportUseCase, GetImportUseCase, importWorkbook, StartImportUseCase } from '@app/registry';
import { generateCounty } from '../seeds/generator/county-generator';
import { Random } from '../seeds/generator/random';
import { ReferenceDataSeeder } from '../seeds/reference-data.seeder';
import { withoutForeignKeyChecks } from '../seeds/scale/seed-counties';
import { SeedModule } from '../seeds/seed.module';
import { onThrowAwayDatabases } from './support/databases';
import { databaseVersion, n, since, wholeNumberOptions } from './support/measure';

const COUNTY_ID = '320321';
const SCHOOLS = 74;
const SEED = 12;
const TARGET = 3;
const MEMORY_TARGET_MB = 500;
const ACTOR: Actor = { userId: 'bench', username: 'bench', role: 'COUNTY_OFFICER', countyId: COUNTY_ID };

/** The seeding context: the registry's use cases, jobs run in process. */
@Module({})
class ImportBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ImportBenchModule, imports: [SeedModule.forRoot(config)] };
  }
}

/** Peak resident memory while it runs, sampled every 20 ms. */
function memoryPeak(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
    },
  };
}

async function measure(label: string, env: Record<string, string>, options: { teachers: number; postings: number }): Promise<string[]> {
  const config = loadConfig(
    { LOG_LEVEL: 'fatal', IMPORT_MAX_ROWS: '1000000', IMPORT_MAX_BYTES: String(200 * 1024 * 1024), SHORTAGE_RESCAN_DELAY_MS: '3600000', ...env },
    { persistSecret: false },
  );
  const app: INestApplicationContext = await NestFactory.createApplicationContext(ImportBenchModule.forRoot(config), {
    logger: ['fatal'],
    abortOnError: false,
  });
  const problems: string[] = [];
  try {
    const tx = app.get(TransactionHost);
    const bulk = app.get(BulkWriter);
    console.log(`${label}: ${await databaseVersion(tx)}, ${tx.dialect === 'sqlite' ? 'temp file' : 'scratch database'}`);
    await app.get(ReferenceDataSeeder).seed();
    const today = app.get(Clock).today();
    const county = generateCounty({
      countyId: COUNTY_ID,
      countyName: '丰县',
      zone: 'SUBEI',
      schools: SCHOOLS,
      teachers: options.teachers,
      today,
      seed: SEED,
      codePrefix: 'FX',
      shortage: JIANGSU_2024_POLICY.parameters.shortage,
    });
    await tx.run(() =>
      withoutForeignKeyChecks(tx, async () => {
        await bulk.insert('school', county.schools);
        await bulk.insert('school_classification', county.classifications);
        await bulk.insert('teacher', county.teachers);
        await bulk.insert('teacher_extra_subject', county.extraSubjects);
      }),
    );

    // Careers of consecutive full-time spells: never more than one full post on a day.
    const random = new Random(SEED);
    const codes = county.directory.map((s) => s.code);
    const idOfCode = new Map(county.directory.map((s) => [s.code, s.schoolId]));
    const rows: Record<string, CellValue>[] = [];
    const last = toDay(today);
    for (const teacher of county.teachers) {
      const first = Math.max(toDay(teacher.hire_date as string), toDay(addYears(today, -30)));
      const span = last - first + 1;
      const cuts = new Set<number>();
      while (cuts.size < Math.min(options.postings, span) - 1) cuts.add(random.int(1, span - 1));
      const starts = [first, ...[...cuts].sort((a, b) => a - b).map((offset) => first + offset)];
      starts.forEach((start, i) => {
        const open = i === starts.length - 1;
        rows.push({
          staffNo: teacher.staff_no as string,
          schoolCode: random.pick(codes),
          startDate: fromDay(start),
          endDate: open ? null : fromDay(starts[i + 1] - 1),
          kind: random.chance(0.2) ? 'ROTATION' : 'REGULAR',
          fraction: 1000,
        });
      });
    }
    let mark = process.hrtime.bigint();
    const file = await importWorkbook('postings', rows);
    console.log(
      `  data: ${n(county.schools.length)} schools, ${n(county.teachers.length)} teachers, ${n(rows.length)} postings; ` +
        `workbook ${(file.length / 1024 / 1024).toFixed(1)} MB written in ${since(mark).toFixed(1)} s`,
    );

    const staffId = new Map(county.teachers.map((t) => [t.staff_no as string, t.id as string]));
    const before = process.memoryUsage().rss / 1024 / 1024;
    const memory = memoryPeak();
    mark = process.hrtime.bigint();
    const { importId } = await app
      .get(StartImportUseCase)
      .execute({ actor: ACTOR, countyId: COUNTY_ID, kind: 'postings', file: { bytes: file, name: 'postings.xlsx' } });
    const previewSeconds = since(mark);
    const previewed = await app.get(GetImportUseCase).execute({ actor: ACTOR, id: importId });
    if (previewed.status !== 'READY' || previewed.errorCount > 0) {
      throw new Error(`preview: ${previewed.status}, ${previewed.errorCount} problems ${JSON.stringify(previewed.errors.slice(0, 3))}`);
    }
    if (previewed.status !== 'READY' || previewed.errorCount > 0)
      problems.push(`preview: ${previewed.status}, ${previewed.errorCount} problems ${JSON.stringify(previewed.errors.slice(0, 3))}`);
    mark = process.hrtime.bigint();
    const committed = await app.get(CommitImportUseCase).execute({ actor: ACTOR, id: importId });
    const commitSeconds = since(mark);
    const peakMb = memory.stop();
    if (committed.counts?.created !== rows.length) problems.push(`commit created ${committed.counts?.created}, not ${rows.length}`);

    const again = await app
      .get(StartImportUseCase)
      .execute({ actor: ACTOR, countyId: COUNTY_ID, kind: 'postings', file: { bytes: file, name: 'postings.xlsx' } });
    const second = await app.get(CommitImportUseCase).execute({ actor: ACTOR, id: again.importId });
    if (second.counts?.created !== 0 || second.counts.updated !== 0) problems.push(`a second import changed ${JSON.stringify(second.counts)}`);

    // The baseline: the same postings as plain multi-row INSERTs, on the same table emptied again.
    const postings: BulkRow[] = [];
    const now = new Date();
    let seq = 0;
    for (const r of rows) {
      postings.push({
        id: `00000000-0000-7000-8000-${String(++seq).padStart(12, '0')}`,
        teacher_id: staffId.get(r.staffNo as string) as string,
        school_id: idOfCode.get(r.schoolCode as string) as string,
        start_date: r.startDate as string,
        end_date: r.endDate as string | null,
        kind: r.kind as string,
        fraction_milli: 1000,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
    await tx.run(() => tx.manager.query('DELETE FROM posting'));
    mark = process.hrtime.bigint();
    await tx.run(() => bulk.insert('posting', postings));
    const bulkSeconds = since(mark);

    const ratio = commitSeconds / bulkSeconds;
    console.log(`  (1) send + preview (store the file, stream and check ${n(rows.length)} rows)  ${previewSeconds.toFixed(2)} s`);
    console.log(`  (2) commit (read and check again, write in one transaction)          ${commitSeconds.toFixed(2)} s`);
    console.log(`  (3) baseline: BulkWriter.insert of the same postings                  ${bulkSeconds.toFixed(2)} s`);
    console.log(`  commit / bulk insert = ${ratio.toFixed(2)}×, target ≤ ${TARGET}×: ${ratio <= TARGET ? 'met' : 'NOT MET'}`);
    const grown = peakMb - before;
    console.log(
      `  memory: the process peaked at ${peakMb.toFixed(0)} MB resident during (1) and (2), ${grown.toFixed(0)} MB above the ${before.toFixed(0)} MB ` +
        `it held before (the generated county, its rows and workbook, the compiled code); the import's own growth, target < ${MEMORY_TARGET_MB} MB: ` +
        `${grown < MEMORY_TARGET_MB ? 'met' : 'NOT MET'}`,
    );
  } finally {
    await app.close();
  }
  return problems;
}

export async function run(args: string[]): Promise<void> {
  const options = wholeNumberOptions(args, { teachers: { fallback: 6000, min: 10, max: 100_000 }, postings: { fallback: 12, min: 1, max: 40 } });
  const problems: string[] = [];
  await onThrowAwayDatabases(async (label, env) => {
    problems.push(...(await measure(label, env, options)).map((p) => `${label}: ${p}`));
  });
  if (problems.length > 0) throw new Error(`cross-checks failed:\n  ${problems.join('\n  ')}`);
}
