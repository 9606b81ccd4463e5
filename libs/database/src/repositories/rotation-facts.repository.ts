import { Injectable } from '@nestjs/common';
import type { BackboneLevel, ExemptionReason, Location, PostingKind, Post, Subject } from '@app/domain';
import { TransactionHost } from '../transaction-host';

/** A teacher of a county as the rotation rules and the candidates list read them. */
export interface RotationTeacherRow {
  readonly id: string;
  readonly staffNo: string;
  readonly name: string;
  readonly subject: Subject;
  readonly birthDate: string;
  readonly onQuota: boolean;
  readonly post: Post;
  readonly backbone: BackboneLevel;
}

export interface RotationPostingRow {
  readonly teacherId: string;
  readonly schoolId: string;
  readonly kind: PostingKind;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly fractionMilli: number;
}

export interface RotationExemptionRow {
  readonly id: string;
  readonly teacherId: string;
  readonly reason: ExemptionReason;
  readonly note: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** A school of the county with its location in force on the day (null when not classified by then). */
export interface RotationSchoolRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly location: Location | null;
}

export interface CountyRotationFacts {
  readonly teachers: RotationTeacherRow[];
  readonly postings: RotationPostingRow[];
  readonly exemptions: RotationExemptionRow[];
  readonly schools: RotationSchoolRow[];
}

const asBool = (value: unknown) => value === true || value === 1 || value === '1';

// Raw rows: `date` columns come back as `YYYY-MM-DD` strings on both drivers (mysql2 is told so), booleans as 0/1 or true/false.
type TeacherRaw = Omit<RotationTeacherRow, 'onQuota'> & { onQuota: unknown };
type PostingRaw = Omit<RotationPostingRow, 'fractionMilli'> & { fractionMilli: number | string };

/**
 * What the rotation rules read of a whole county on a plan year's reference day, set-based: four
 * statements whatever the county's size — its teachers; their postings that start by the day
 * (those the years at the school are counted from); their exemptions valid on the day; its schools
 * with the location in force that day. Queries only: who is eligible is decided in libs/domain
 * (rotationCandidates).
 */
@Injectable()
export class RotationFactsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async ofCounty(countyId: string, day: string): Promise<CountyRotationFacts> {
    const manager = this.tx.manager;
    // Four statements with nothing between them: outside a transaction MySQL/MariaDB serves them on connections side by side.
    const teachers = manager
      .createQueryBuilder()
      .select([
        't.id AS id',
        't.staff_no AS staffNo',
        't.name AS name',
        't.subject AS subject',
        't.birth_date AS birthDate',
        't.on_quota AS onQuota',
        't.post AS post',
        't.backbone AS backbone',
      ])
      .from('teacher', 't')
      .where('t.county_id = :countyId', { countyId })
      .orderBy('t.staff_no')
      .addOrderBy('t.id')
      .getRawMany<TeacherRaw>();

    const postings = manager
      .createQueryBuilder()
      .select([
        'p.teacher_id AS teacherId',
        'p.school_id AS schoolId',
        'p.kind AS kind',
        'p.start_date AS startDate',
        'p.end_date AS endDate',
        'p.fraction_milli AS fractionMilli',
      ])
      .from('posting', 'p')
      .innerJoin('teacher', 't', 't.id = p.teacher_id')
      .where('t.county_id = :countyId', { countyId })
      .andWhere('p.start_date <= :day', { day })
      .getRawMany<PostingRaw>();

    const exemptions = manager
      .createQueryBuilder()
      .select([
        'e.id AS id',
        'e.teacher_id AS teacherId',
        'e.reason AS reason',
        'e.note AS note',
        'e.valid_from AS validFrom',
        'e.valid_to AS validTo',
      ])
      .from('rotation_exemption', 'e')
      .innerJoin('teacher', 't', 't.id = e.teacher_id')
      .where('t.county_id = :countyId', { countyId })
      .andWhere('e.valid_from <= :day AND (e.valid_to IS NULL OR e.valid_to >= :day)', { day })
      .orderBy('e.valid_from')
      .addOrderBy('e.id')
      .getRawMany<RotationExemptionRow>();

    // The location in force: set by the latest change on or before the day that sets it (one indexed probe per school).
    const schools = manager
      .createQueryBuilder()
      .select(['s.id AS id', 's.code AS code', 's.name AS name'])
      .addSelect(
        '(SELECT c.location FROM school_classification c WHERE c.school_id = s.id AND c.location IS NOT NULL ' +
          'AND c.effective_from <= :day ORDER BY c.effective_from DESC LIMIT 1)',
        'location',
      )
      .from('school', 's')
      .where('s.county_id = :countyId', { countyId })
      .setParameter('day', day)
      .orderBy('s.code')
      .getRawMany<RotationSchoolRow>();

    const [teacherRows, postingRows, exemptionRows, schoolRows] = await Promise.all([teachers, postings, exemptions, schools]);
    return {
      teachers: teacherRows.map((r) => ({ ...r, onQuota: asBool(r.onQuota) })),
      postings: postingRows.map((r) => ({ ...r, fractionMilli: Number(r.fractionMilli) })),
      exemptions: exemptionRows,
      schools: schoolRows.map((r) => ({ ...r, location: r.location ?? null })),
    };
  }
}
