import { Injectable } from '@nestjs/common';
import { ImportRepository, ReferenceRepository } from '@app/database';
import {
  Actor,
  CellValue,
  IMPORT_KINDS,
  isImportKind,
  milliToFraction,
  NotFoundError,
  OFFICERS,
  REGISTRY_KIND,
  RegistrySnapshot,
  requireRole,
  scopeOf,
  SHEET_KINDS,
  OneSheetKind,
  ValidationFailedError,
} from '@app/domain';
import { importWorkbook, sheetsWorkbook } from './import-workbook';

type Row = Record<string, CellValue>;

/** A county's registry as the rows of an import sheet of `kind`, in a stable order (school code, staff number, dates). */
export function exportRows(kind: OneSheetKind, registry: RegistrySnapshot): Row[] {
  const schoolCode = new Map(registry.schools.map((s) => [s.id, s.code]));
  const firstClassification = new Map<string, string>();
  for (const c of registry.classifications) {
    const first = firstClassification.get(c.schoolId);
    if (first === undefined || c.effectiveFrom < first) firstClassification.set(c.schoolId, c.effectiveFrom);
  }
  const byCode = (a: { code?: string; schoolCode?: string }, b: { code?: string; schoolCode?: string }) =>
    String(a.code ?? a.schoolCode).localeCompare(String(b.code ?? b.schoolCode));
  switch (kind) {
    case 'schools': {
      const clusterName = new Map(registry.clusters.map((c) => [c.id, c.name]));
      return registry.schools.map((s) => {
        const from = firstClassification.get(s.id) ?? null;
        const first = registry.classifications.find((c) => c.schoolId === s.id && c.effectiveFrom === from);
        return {
          code: s.code,
          name: s.name,
          stage: s.stage,
          location: first?.location ?? null,
          weak: first?.weak ?? null,
          townshipCentral: s.townshipCentral,
          boarding: s.boarding,
          classifiedFrom: from,
          groupId: s.groupId === null ? null : (clusterName.get(s.groupId) ?? s.groupId),
          districtId: s.districtId === null ? null : (clusterName.get(s.districtId) ?? s.districtId),
        };
      });
    }
    case 'classifications':
      // The first classification of each school is the schools sheet's (classifiedFrom); later changes are here.
      return registry.classifications
        .filter((c) => c.effectiveFrom !== firstClassification.get(c.schoolId))
        .map((c) => ({ schoolCode: schoolCode.get(c.schoolId) ?? '', effectiveFrom: c.effectiveFrom, location: c.location, weak: c.weak }))
        .sort((a, b) => byCode(a, b) || a.effectiveFrom.localeCompare(b.effectiveFrom));
    case 'enrolment':
      return registry.enrolments
        .flatMap((e) =>
          e.grades.map((g) => ({
            schoolCode: schoolCode.get(e.schoolId) ?? '',
            schoolYear: e.schoolYear,
            grade: g.grade,
            students: g.students,
            classes: g.classes,
            boarders: e.boarders,
          })),
        )
        .sort((a, b) => byCode(a, b) || a.schoolYear - b.schoolYear || a.grade - b.grade);
    case 'teachers':
      return registry.teachers.map((t) => ({
        staffNo: t.staffNo,
        name: t.name,
        gender: t.gender,
        birthDate: t.birthDate,
        hireDate: t.hireDate,
        onQuota: t.onQuota,
        subject: t.subject,
        extraSubjects: t.extras.length === 0 ? null : t.extras.map((x) => ({ subject: x.subject, fraction: milliToFraction(x.fractionMilli) })),
        titleLevel: t.titleLevel,
        titleSince: t.titleSince,
        backbone: t.backbone,
        psychology: t.psychology,
        post: t.post,
      }));
    case 'postings': {
      const staffNo = new Map(registry.teachers.map((t) => [t.id, t.staffNo]));
      const outside = new Map(registry.outsideSchools.map((s) => [s.id, s]));
      return registry.postings
        .map((p) => ({
          staffNo: staffNo.get(p.teacherId) ?? '',
          schoolCode: schoolCode.get(p.schoolId) ?? outside.get(p.schoolId)?.code ?? '',
          schoolCountyId: outside.get(p.schoolId)?.countyId ?? null,
          startDate: p.startDate,
          endDate: p.endDate,
          kind: p.kind,
          fraction: p.fractionMilli,
        }))
        .sort((a, b) => a.staffNo.localeCompare(b.staffNo) || a.startDate.localeCompare(b.startDate) || a.schoolCode.localeCompare(b.schoolCode));
    }
    case 'training-records': {
      const staffNo = new Map(registry.teachers.map((t) => [t.id, t.staffNo]));
      return registry.trainingRecords
        .map((r) => ({
          staffNo: staffNo.get(r.teacherId) ?? '',
          title: r.title,
          provider: r.provider,
          category: r.category,
          hours: String(r.hours),
          startDate: r.startDate,
          endDate: r.endDate,
        }))
        .sort((a, b) => a.staffNo.localeCompare(b.staffNo) || a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title));
    }
  }
}

/** The XLSX templates of the imports, and a county's registry exported in the same shape. */
@Injectable()
export class ExportRegistryUseCase {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly imports: ImportRepository,
  ) {}

  /** The template of `kind`: headings, one example row, notes and drop-down lists (the registry: a sheet of each kind). */
  template(kind: string): Promise<Buffer> {
    if (!isImportKind(kind)) throw ValidationFailedError.field('kind', `must be one of ${IMPORT_KINDS.join(', ')}`);
    if (kind === REGISTRY_KIND) return sheetsWorkbook(SHEET_KINDS.map((k) => ({ kind: k, rows: null })));
    return importWorkbook(kind, null);
  }

  /** A county's schools, classifications, enrolment, teachers, postings or training records as the template's sheet, or the registry as the registry's workbook (officers of the county, city or province). */
  async export(command: { actor: Actor; countyId: string; kind: string }): Promise<Buffer> {
    requireRole(command.actor, OFFICERS, 'export the registry');
    if (!isImportKind(command.kind)) throw ValidationFailedError.field('kind', `must be one of ${IMPORT_KINDS.join(', ')}`);
    const county = await this.reference.findCountyInScope(scopeOf(command.actor), command.countyId);
    if (!county) throw new NotFoundError('county', command.countyId);
    const snapshot = await this.imports.snapshot(county.id, command.kind);
    const kinds: readonly OneSheetKind[] = command.kind === REGISTRY_KIND ? SHEET_KINDS : [command.kind];
    return sheetsWorkbook(kinds.map((kind) => ({ kind, rows: exportRows(kind, snapshot) })));
  }
}
