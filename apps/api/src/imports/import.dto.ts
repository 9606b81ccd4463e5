import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EnumField } from '@app/core';
import { IMPORT_KINDS, IMPORT_STATUSES } from '@app/domain';
import type { ImportKind, ImportStatus } from '@app/domain';

export class StartImportQuery {
  @EnumField(IMPORT_KINDS, {
    enumName: 'ImportKind',
    description:
      'What the file holds: one sheet of schools, classifications, enrolment, teachers, postings or training-records, or `registry`: an XLSX workbook with a sheet of each kind (known by its name), read in that order',
  })
  kind: ImportKind;
}

export class RegistryImportUpload {
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'The XLSX or CSV file (multipart), or send the file itself as the body' })
  file?: unknown;
}

export class RegistryImportAcceptedResponse {
  @ApiProperty({ format: 'uuid' }) importId: string;
}

class RegistryImportErrorResponse {
  @ApiProperty({ example: '任教经历', description: 'The sheet (a CSV: the kind’s sheet name)' }) sheet: string;
  @ApiProperty({ example: 7, description: 'The row as the spreadsheet shows it: the heading is row 1' }) row: number;
  @ApiProperty({ type: String, nullable: true, example: 'startDate', description: 'The column’s field name; null for the row as a whole' })
  column: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '开始日期',
    description: 'The column’s Chinese heading as the template has it; null for the row as a whole',
  })
  heading: string | null;
  @ApiProperty({ example: 'POSTING_OVERLAP', description: 'The code the API would answer for the same write (GET /codes)' }) code: string;
  @ApiProperty() message: string;
}

class RegistryImportCountsResponse {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
}

export class RegistryImportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '320321' }) countyId: string;
  @ApiProperty({ enum: IMPORT_KINDS, enumName: 'ImportKind' }) kind: ImportKind;
  @ApiProperty({ enum: IMPORT_STATUSES, enumName: 'ImportStatus' }) status: ImportStatus;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ enum: ['CSV', 'XLSX'] }) format: 'CSV' | 'XLSX';
  @ApiProperty({ type: String, nullable: true, description: 'The sheet read (the registry: its sheets, in the order read)' }) sheet: string | null;
  @ApiProperty({ description: 'Data rows read (of every sheet): grows while RUNNING, all of them once READY' }) rows: number;
  @ApiProperty({ description: 'Problems found (the first 1,000 are listed)' }) errorCount: number;
  @ApiProperty({ type: [RegistryImportErrorResponse] }) errors: RegistryImportErrorResponse[];
  @ApiProperty({ type: RegistryImportCountsResponse, nullable: true, description: 'Once COMMITTED: rows created, updated, unchanged' })
  counts: RegistryImportCountsResponse | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) committedAt: string | null;
}
