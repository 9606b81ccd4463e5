import { Injectable } from '@nestjs/common';
import type {
  ClassificationFacts,
  OutsideSchool,
  ClusterFacts,
  EnrolmentFacts,
  ImportKind,
  ImportRow,
  PostingFacts,
  RegistryChanges,
  RegistrySnapshot,
  SchoolFacts,
  Scope,
  TeacherRecord,
  TrainingRecordFacts,
} from '@app/domain';
import { BulkRow, BulkWriter } from '../bulk-writer';
import {
  PostingEntity,
  RegistryImportChunkEntity,
  RegistryImportEntity,
  RegistryImportErrorEntity,
  RegistryImportRowsEntity,
  SchoolClassificationEntity,
  SchoolEnrolmentEntity,
  SchoolEntity,
  TeacherEntity,
  TrainingRecordEntity,
} from '../entities';
import { countyCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';
import { versionedUpdate } from './versioned-update';

/** Characters of JSON rows per stored piece: at most 4 bytes each in UTF-8, within a TEXT column (65,535 bytes). */
const MAX_PIECE_CHARS = 16_000;

/** Bytes of the file per stored piece: base64 of 45,000 bytes is 60,000 characters, within a TEXT column. */
const CHUNK_BYTES = 45_000;

export interface StoredImportError {
  sheet: string;
  row: number;
  column: string | null;
  code: string;
  message: string;
}

/** Which tables each kind reads to be checked. */
const READS: { readonly [kind in ImportKind]: readonly (keyof RegistrySnapshot)[] } = {
  schools: ['schools', 'classifications'],
  classifications: ['schools', 'classifications'],
  enrolment: ['schools', 'enrolments'],
  teachers: ['teachers', 'postings'],
  postings: ['schools', 'teachers', 'postings'],
  registry: ['schools', 'classifications', 'enrolments', 'teachers', 'postings'],
  'training-records': ['teachers', 'trainingRecords'],
};

/** Registry imports: the import, its file and its problems; a county's registry read whole, and written in bulk. */
@Injectable()
export class ImportRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly bulk: BulkWriter,
  ) {}

  async insert(entity: RegistryImportEntity, bytes: Uint8Array): Promise<void> {
    await this.tx.manager.insert(RegistryImportEntity, { ...entity });
    const rows: BulkRow[] = [];
    for (let offset = 0, seq = 0; offset < bytes.length; offset += CHUNK_BYTES, seq += 1) {
      rows.push({ import_id: entity.id, seq, data: Buffer.from(bytes.subarray(offset, offset + CHUNK_BYTES)).toString('base64') });
    }
    // One piece a statement: a statement of many 60,000-character values would pass MySQL's max_allowed_packet.
    for (const row of rows) await this.bulk.insert('registry_import_chunk', [row]);
  }

  find(id: string): Promise<RegistryImportEntity | null> {
    return this.tx.manager.findOne(RegistryImportEntity, { where: { id } });
  }

  /** The import when the scope reaches its county. */
  findInScope(scope: Scope, id: string): Promise<RegistryImportEntity | null> {
    const inScope = countyCondition(scope, 'i.county_id');
    return this.tx.manager.createQueryBuilder(RegistryImportEntity, 'i').where('i.id = :id', { id }).andWhere(inScope.sql, inScope.params).getOne();
  }

  async update(id: string, changes: Partial<RegistryImportEntity>): Promise<void> {
    await this.tx.manager.update(RegistryImportEntity, { id }, changes);
  }

  /** Marks a READY import COMMITTED (false: it is not READY any more: committed by someone else meanwhile). */
  async markCommitted(id: string, now: Date): Promise<boolean> {
    const result = await this.tx.manager
      .createQueryBuilder()
      .update(RegistryImportEntity)
      .set({ status: 'COMMITTED', committedAt: now })
      .where('id = :id AND status = :status', { id, status: 'READY' })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async file(id: string): Promise<Buffer> {
    const chunks = await this.tx.manager.find(RegistryImportChunkEntity, { where: { importId: id }, order: { seq: 'ASC' } });
    return Buffer.concat(chunks.map((c) => Buffer.from(c.data, 'base64')));
  }

  async replaceErrors(id: string, errors: readonly StoredImportError[]): Promise<void> {
    await this.tx.manager.delete(RegistryImportErrorEntity, { importId: id });
    await this.bulk.insert(
      'registry_import_error',
      errors.map((e, seq) => ({
        import_id: id,
        seq,
        sheet: e.sheet,
        row_number: e.row,
        column_name: e.column,
        code: e.code,
        message: e.message.slice(0, 1000),
      })),
    );
  }

  /** Keeps the rows a preview read (JSON, pieces within a TEXT column), replacing any kept before. */
  async saveRows<T extends ImportRow>(id: string, rows: readonly T[]): Promise<void> {
    await this.tx.manager.delete(RegistryImportRowsEntity, { importId: id });
    const pieces: string[] = [];
    let piece: string[] = [];
    let length = 2;
    for (const row of rows) {
      const json = JSON.stringify(row);
      if (piece.length > 0 && length + json.length + 1 > MAX_PIECE_CHARS) {
        pieces.push(`[${piece.join(',')}]`);
        piece = [];
        length = 2;
      }
      piece.push(json);
      length += json.length + 1;
    }
    if (piece.length > 0) pieces.push(`[${piece.join(',')}]`);
    for (let start = 0; start < pieces.length; start += 20) {
      await this.bulk.insert(
        'registry_import_rows',
        pieces.slice(start, start + 20).map((data, i) => ({ import_id: id, seq: start + i, data })),
      );
    }
  }

  /** The rows a preview kept, in order. */
  async rows<T extends ImportRow>(id: string): Promise<T[]> {
    const pieces = await this.tx.manager.find(RegistryImportRowsEntity, { where: { importId: id }, order: { seq: 'ASC' } });
    return pieces.flatMap((p) => JSON.parse(p.data) as T[]);
  }

  async errors(id: string): Promise<StoredImportError[]> {
    const rows = await this.tx.manager.find(RegistryImportErrorEntity, { where: { importId: id }, order: { seq: 'ASC' } });
    return rows.map((r) => ({ sheet: r.sheet, row: r.rowNumber, column: r.columnName, code: r.code, message: r.message }));
  }

  /**
   * Holds the county's teachers until the transaction ends (MySQL; SQLite transactions are serial): a posting
   * recorded through the API at the same moment (which locks its teacher) waits for the commit, or the commit for it,
   * so each sees the other's postings and the one-full-post check holds.
   */
  async lockTeachers(countyId: string): Promise<void> {
    if (this.tx.dialect === 'mysql') await this.tx.manager.query('SELECT id FROM teacher WHERE county_id = ? FOR UPDATE', [countyId]);
  }

  /**
   * The county's registry as an import of `kind` reads it: a few set-based queries, lean rows. `reach`: whose import it
   * is, and the schools of other counties its rows name (county and code): those within the scope are reachable.
   */
  async snapshot(
    countyId: string,
    kind: ImportKind,
    reach?: { scope: Scope; named: readonly { countyId: string; code: string }[] },
  ): Promise<RegistrySnapshot> {
    const reads = new Set(READS[kind]);
    const q = <T>(sql: string): Promise<T[]> => this.tx.manager.query(sql, [countyId]);
    const bool = (v: unknown) => v === true || v === 1 || v === '1';
    const date = (v: unknown): string | null =>
      v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : (v as string).slice(0, 10);

    const schools = reads.has('schools')
      ? (
          await q<Record<string, unknown>>(
            'SELECT s.id, s.code, s.name, s.stage, s.township_central AS tc, s.boarding, s.group_id AS groupId, s.district_id AS districtId, s.version FROM school s WHERE s.county_id = ? ORDER BY s.code',
          )
        ).map((r): SchoolFacts => ({
          id: String(r.id),
          code: String(r.code),
          name: String(r.name),
          stage: r.stage as SchoolFacts['stage'],
          townshipCentral: bool(r.tc),
          boarding: bool(r.boarding),
          groupId: (r.groupId as string | null | undefined) ?? null,
          districtId: (r.districtId as string | null | undefined) ?? null,
          version: Number(r.version),
        }))
      : [];
    const clusters = reads.has('schools')
      ? (await q<Record<string, unknown>>('SELECT c.id, c.kind, c.name FROM school_cluster c WHERE c.county_id = ? ORDER BY c.kind, c.name')).map(
          (r): ClusterFacts => ({ id: String(r.id), kind: r.kind as ClusterFacts['kind'], name: String(r.name) }),
        )
      : [];
    const classifications = reads.has('classifications')
      ? (
          await q<Record<string, unknown>>(
            'SELECT c.id, c.school_id AS schoolId, c.effective_from AS effectiveFrom, c.location, c.weak FROM school_classification c JOIN school s ON s.id = c.school_id WHERE s.county_id = ? ORDER BY c.school_id, c.effective_from',
          )
        ).map((r): ClassificationFacts => ({
          id: String(r.id),
          schoolId: String(r.schoolId),
          effectiveFrom: date(r.effectiveFrom) as string,
          location: (r.location ?? null) as ClassificationFacts['location'],
          weak: r.weak === null || r.weak === undefined ? null : bool(r.weak),
        }))
      : [];
    let enrolments: EnrolmentFacts[] = [];
    if (reads.has('enrolments')) {
      const years = await q<Record<string, unknown>>(
        'SELECT e.id, e.school_id AS schoolId, e.school_year AS schoolYear, e.boarders, e.version FROM school_enrolment e JOIN school s ON s.id = e.school_id WHERE s.county_id = ?',
      );
      const grades = await q<Record<string, unknown>>(
        'SELECT g.enrolment_id AS enrolmentId, g.grade, g.students, g.classes FROM enrolment_grade g JOIN school_enrolment e ON e.id = g.enrolment_id JOIN school s ON s.id = e.school_id WHERE s.county_id = ? ORDER BY g.grade',
      );
      const byYear = new Map<string, { grade: number; students: number; classes: number }[]>();
      for (const g of grades) {
        const list = byYear.get(String(g.enrolmentId)) ?? [];
        list.push({ grade: Number(g.grade), students: Number(g.students), classes: Number(g.classes) });
        byYear.set(String(g.enrolmentId), list);
      }
      enrolments = years.map((r) => ({
        id: String(r.id),
        schoolId: String(r.schoolId),
        schoolYear: Number(r.schoolYear),
        boarders: Number(r.boarders),
        version: Number(r.version),
        grades: byYear.get(String(r.id)) ?? [],
      }));
    }
    let teachers: TeacherRecord[] = [];
    if (reads.has('teachers')) {
      const rows = await q<Record<string, unknown>>(
        'SELECT t.id, t.staff_no AS staffNo, t.name, t.gender, t.birth_date AS birthDate, t.hire_date AS hireDate, t.on_quota AS onQuota, t.subject, t.title_level AS titleLevel, t.title_since AS titleSince, t.backbone, t.psychology, t.post, t.version FROM teacher t WHERE t.county_id = ? ORDER BY t.staff_no',
      );
      const extras = await q<Record<string, unknown>>(
        'SELECT x.teacher_id AS teacherId, x.subject, x.fraction_milli AS fractionMilli FROM teacher_extra_subject x JOIN teacher t ON t.id = x.teacher_id WHERE t.county_id = ? ORDER BY x.subject',
      );
      const extrasOf = new Map<string, TeacherRecord['extras'][number][]>();
      for (const x of extras) {
        const list = extrasOf.get(String(x.teacherId)) ?? [];
        list.push({ subject: x.subject as TeacherRecord['subject'], fractionMilli: Number(x.fractionMilli) });
        extrasOf.set(String(x.teacherId), list);
      }
      teachers = rows.map((r) => ({
        id: String(r.id),
        staffNo: String(r.staffNo),
        name: String(r.name),
        gender: r.gender as TeacherRecord['gender'],
        birthDate: date(r.birthDate) as string,
        hireDate: date(r.hireDate) as string,
        onQuota: bool(r.onQuota),
        subject: r.subject as TeacherRecord['subject'],
        titleLevel: r.titleLevel as TeacherRecord['titleLevel'],
        titleSince: date(r.titleSince),
        backbone: r.backbone as TeacherRecord['backbone'],
        psychology: r.psychology as TeacherRecord['psychology'],
        post: r.post as TeacherRecord['post'],
        version: Number(r.version),
        extras: extrasOf.get(String(r.id)) ?? [],
      }));
    }
    const postings = reads.has('postings')
      ? (
          await q<Record<string, unknown>>(
            'SELECT p.id, p.teacher_id AS teacherId, p.school_id AS schoolId, p.start_date AS startDate, p.end_date AS endDate, p.kind, p.fraction_milli AS fractionMilli, p.version FROM posting p JOIN teacher t ON t.id = p.teacher_id WHERE t.county_id = ? ORDER BY p.teacher_id, p.start_date',
          )
        ).map((r): PostingFacts => ({
          id: String(r.id),
          teacherId: String(r.teacherId),
          schoolId: String(r.schoolId),
          startDate: date(r.startDate) as string,
          endDate: date(r.endDate),
          kind: r.kind as PostingFacts['kind'],
          fractionMilli: Number(r.fractionMilli),
          version: Number(r.version),
        }))
      : [];
    const trainingRecords = reads.has('trainingRecords')
      ? (
          await q<Record<string, unknown>>(
            "SELECT r.id, r.teacher_id AS teacherId, r.title, r.provider, r.category, r.hours, r.start_date AS startDate, r.end_date AS endDate, r.status, r.version FROM training_record r JOIN teacher t ON t.id = r.teacher_id WHERE t.county_id = ? AND r.kind = 'RECORD' ORDER BY r.start_date, r.created_at, r.id",
          )
        ).map((r): TrainingRecordFacts => ({
          id: String(r.id),
          teacherId: String(r.teacherId),
          title: String(r.title),
          provider: String(r.provider),
          category: r.category as TrainingRecordFacts['category'],
          hours: Number(r.hours),
          startDate: date(r.startDate) as string,
          endDate: date(r.endDate) as string,
          status: r.status as TrainingRecordFacts['status'],
          version: Number(r.version),
        }))
      : [];
    const outsideSchools = reads.has('postings') ? await this.outsideSchools(countyId, reach) : [];
    return { countyId, schools, outsideSchools, clusters, classifications, enrolments, teachers, postings, trainingRecords };
  }

  /** Schools of other counties that the county's postings name, and those `reach.named` names; reachable within `reach.scope`. */
  private async outsideSchools(
    countyId: string,
    reach?: { scope: Scope; named: readonly { countyId: string; code: string }[] },
  ): Promise<OutsideSchool[]> {
    const posted = await this.tx.manager.query<Record<string, unknown>[]>(
      'SELECT DISTINCT s.id, s.county_id AS countyId, s.code FROM posting p JOIN teacher t ON t.id = p.teacher_id JOIN school s ON s.id = p.school_id WHERE t.county_id = ? AND s.county_id <> ?',
      [countyId, countyId],
    );
    const schools = new Map<string, OutsideSchool>(
      posted.map((r) => [String(r.id), { id: String(r.id), countyId: String(r.countyId), code: String(r.code), reachable: false }]),
    );
    const named = (reach?.named ?? []).filter((n) => n.countyId !== countyId);
    const wanted = [...named, ...schools.values()];
    if (reach && wanted.length > 0) {
      const inScope = countyCondition(reach.scope, 's.county_id');
      const pairs = new Set(wanted.map((w) => `${w.countyId}|${w.code}`));
      const found = await this.tx.manager
        .createQueryBuilder(SchoolEntity, 's')
        .select(['s.id', 's.countyId', 's.code'])
        .where('s.county_id IN (:...counties) AND s.code IN (:...codes)', {
          counties: [...new Set(wanted.map((w) => w.countyId))],
          codes: [...new Set(wanted.map((w) => w.code))],
        })
        .andWhere(inScope.sql, inScope.params)
        .getMany();
      for (const s of found) {
        if (pairs.has(`${s.countyId}|${s.code}`)) schools.set(s.id, { id: s.id, countyId: s.countyId, code: s.code, reachable: true });
      }
    }
    return [...schools.values()];
  }

  /**
   * Writes an import's changes in the current transaction: new rows in multi-row INSERTs, changed
   * rows one UPDATE each, guarded by the version read (false: someone changed a row meanwhile).
   */
  async apply(countyId: string, changes: RegistryChanges, now: Date, by: string): Promise<boolean> {
    const m = this.tx.manager;
    await this.bulk.insert(
      'school',
      changes.schools.insert.map((s) => ({
        id: s.id,
        county_id: countyId,
        code: s.code,
        name: s.name,
        stage: s.stage,
        township_central: s.townshipCentral,
        boarding: s.boarding,
        group_id: s.groupId,
        district_id: s.districtId,
        headcount_milli: null,
        headcount_as_of: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    );
    for (const s of changes.schools.update) {
      const changed = await versionedUpdate(m, SchoolEntity, s.id, s.version - 1, {
        name: s.name,
        stage: s.stage,
        townshipCentral: s.townshipCentral,
        boarding: s.boarding,
        groupId: s.groupId,
        districtId: s.districtId,
        updatedAt: now,
      });
      if (!changed) return false;
    }
    await this.bulk.insert(
      'school_classification',
      changes.classifications.insert.map((c) => ({
        id: c.id,
        school_id: c.schoolId,
        effective_from: c.effectiveFrom,
        location: c.location,
        weak: c.weak,
        created_at: now,
      })),
    );
    for (const c of changes.classifications.update) await m.update(SchoolClassificationEntity, { id: c.id }, { location: c.location, weak: c.weak });

    const years = [...changes.enrolments.insert, ...changes.enrolments.update];
    await this.bulk.insert(
      'school_enrolment',
      changes.enrolments.insert.map((e) => ({
        id: e.id,
        school_id: e.schoolId,
        school_year: e.schoolYear,
        boarders: e.boarders,
        version: 1,
        updated_at: now,
      })),
    );
    for (const e of changes.enrolments.update) {
      if (!(await versionedUpdate(m, SchoolEnrolmentEntity, e.id, e.version - 1, { boarders: e.boarders, updatedAt: now }))) return false;
      await m.query('DELETE FROM enrolment_grade WHERE enrolment_id = ?', [e.id]);
    }
    await this.bulk.insert(
      'enrolment_grade',
      years.flatMap((e) => e.grades.map((g) => ({ enrolment_id: e.id, grade: g.grade, students: g.students, classes: g.classes }))),
    );

    await this.bulk.insert(
      'teacher',
      changes.teachers.insert.map((t) => ({
        id: t.id,
        county_id: countyId,
        staff_no: t.staffNo,
        name: t.name,
        gender: t.gender,
        birth_date: t.birthDate,
        hire_date: t.hireDate,
        on_quota: t.onQuota,
        subject: t.subject,
        title_level: t.titleLevel,
        title_since: t.titleSince,
        backbone: t.backbone,
        psychology: t.psychology,
        post: t.post,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    );
    for (const t of changes.teachers.update) {
      const { id, version, extras, staffNo, ...fields } = t;
      void extras;
      void staffNo;
      if (!(await versionedUpdate(m, TeacherEntity, id, version - 1, { ...fields, updatedAt: now }))) return false;
      await m.query('DELETE FROM teacher_extra_subject WHERE teacher_id = ?', [id]);
    }
    await this.bulk.insert(
      'teacher_extra_subject',
      [...changes.teachers.insert, ...changes.teachers.update].flatMap((t) =>
        t.extras.map((x) => ({ teacher_id: t.id, subject: x.subject, fraction_milli: x.fractionMilli })),
      ),
    );

    await this.bulk.insert(
      'posting',
      changes.postings.insert.map((p) => ({
        id: p.id,
        teacher_id: p.teacherId,
        school_id: p.schoolId,
        start_date: p.startDate,
        end_date: p.endDate,
        kind: p.kind,
        fraction_milli: p.fractionMilli,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    );
    for (const p of changes.postings.update) {
      const changed = await versionedUpdate(m, PostingEntity, p.id, p.version - 1, {
        endDate: p.endDate,
        kind: p.kind,
        fractionMilli: p.fractionMilli,
        updatedAt: now,
      });
      if (!changed) return false;
    }

    await this.bulk.insert(
      'training_record',
      changes.trainingRecords.insert.map((r) => ({
        id: r.id,
        teacher_id: r.teacherId,
        county_id: countyId,
        title: r.title,
        provider: r.provider,
        category: r.category,
        hours: r.hours,
        start_date: r.startDate,
        end_date: r.endDate,
        status: 'SUBMITTED',
        kind: 'RECORD',
        reverses_id: null,
        reason: null,
        submitted_by: by,
        submitted_at: now,
        decided_by: null,
        decided_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    );
    for (const r of changes.trainingRecords.update) {
      // Only a record still waiting for a decision is changed: one decided meanwhile is a conflict.
      const changed = await m
        .createQueryBuilder()
        .update(TrainingRecordEntity)
        .set({ provider: r.provider, category: r.category, hours: r.hours, version: r.version, updatedAt: now })
        .where('id = :id AND version = :version AND status = :status', { id: r.id, version: r.version - 1, status: 'SUBMITTED' })
        .execute();
      if ((changed.affected ?? 0) !== 1) return false;
    }
    return true;
  }
}
