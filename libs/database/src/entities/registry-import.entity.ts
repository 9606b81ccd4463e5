import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { ImportKind, ImportStatus } from '@app/domain';
import { CodeColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, IntColumn, JsonTextColumn, TimestampColumn } from './columns';

export const IMPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * A file an officer sent to bring part of a county's registry in: read and checked by a job
 * (nothing written), then committed in one transaction. The file itself is kept in the database
 * (RegistryImportChunkEntity) so that the API and any worker read the same bytes.
 */
@Entity('registry_import')
@Index(['countyId', 'createdAt'])
export class RegistryImportEntity {
  @IdPrimaryColumn()
  id: string;

  @DivisionCodeColumn()
  countyId: string;

  @CodeColumn(20)
  kind: ImportKind;

  @CodeColumn(10)
  status: ImportStatus;

  @CodeColumn(6)
  format: ImportFormat;

  /** The file's name as uploaded (multipart), or null for a body. */
  @CodeColumn(255, { nullable: true })
  fileName: string | null;

  /** The charset the sender declared for a CSV body (`text/csv; charset=gbk`). */
  @CodeColumn(20, { nullable: true })
  charset: string | null;

  @IntColumn()
  sizeBytes: number;

  /** Data rows read so far (progress while RUNNING; all of them once READY). */
  @IntColumn({ default: 0 })
  rowsRead: number;

  /** Problems found (their first ones are RegistryImportErrorEntity rows). */
  @IntColumn({ default: 0 })
  errorCount: number;

  /** The sheet read (XLSX: its name; CSV: the kind's sheet name). */
  @CodeColumn(100, { nullable: true })
  sheet: string | null;

  /** What the commit did: created, updated and unchanged rows. */
  @JsonTextColumn()
  counts: { created: number; updated: number; unchanged: number } | null;

  /** Why the file could not be read at all (FAILED). */
  @CodeColumn(1000, { nullable: true })
  failure: string | null;

  @IdColumn()
  createdBy: string;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  startedAt: Date | null;

  @TimestampColumn({ nullable: true })
  finishedAt: Date | null;

  @TimestampColumn({ nullable: true })
  committedAt: Date | null;
}

/** A piece of an imported file, base64 (at most 45,000 bytes of the file a piece: within a TEXT column on both dialects). */
@Entity('registry_import_chunk')
export class RegistryImportChunkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  importId: string;

  @ManyToOne(() => RegistryImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import?: Relation<RegistryImportEntity>;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  data: string;
}

/** A problem an import's check found: the row as the spreadsheet numbers it, the column's field name, the code and message. */
@Entity('registry_import_error')
export class RegistryImportErrorEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  importId: string;

  @ManyToOne(() => RegistryImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import?: Relation<RegistryImportEntity>;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @CodeColumn(100)
  sheet: string;

  @IntColumn()
  rowNumber: number;

  @CodeColumn(40, { nullable: true })
  columnName: string | null;

  @CodeColumn(40)
  code: string;

  @CodeColumn(1000)
  message: string;
}

/**
 * The rows a preview read, as JSON, some hundreds a piece (within a TEXT column on both dialects): what the commit
 * checks again against the registry and writes, without reading the workbook a second time.
 */
@Entity('registry_import_rows')
export class RegistryImportRowsEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  importId: string;

  @ManyToOne(() => RegistryImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import?: Relation<RegistryImportEntity>;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  data: string;
}
