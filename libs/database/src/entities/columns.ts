import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';

/**
 * Column shapes shared by the entities. Types are chosen to mean the same on MySQL/MariaDB and
 * SQLite: ids are varchar(36) UUIDs made by the service, dates are `date` (read back as
 * `YYYY-MM-DD` strings on both), timestamps are UTC `datetime(3)`, JSON is text.
 */
export const IdPrimaryColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const IdColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...options });
export const DivisionCodeColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 6, ...options });
export const DateColumn = (options: ColumnOptions = {}) => Column({ type: 'date', ...options });
export const TimestampColumn = (options: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...options });
export const CodeColumn = (length: number, options: ColumnOptions = {}) => Column({ type: 'varchar', length, ...options });
export const IntColumn = (options: ColumnOptions = {}) => Column({ type: 'int', ...options });
export const BoolColumn = (options: ColumnOptions = {}) => Column({ type: 'boolean', ...options });
export const VersionNumberColumn = () => Column({ type: 'int', default: 1 });

/** JSON stored as text (MariaDB's JSON is an alias with a check constraint, which would make the two dialects drift). */
export const JsonTextColumn = (options: ColumnOptions = {}) =>
  Column({
    type: 'text',
    nullable: true,
    transformer: {
      to: (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value)),
      from: (value: string | null) => (value === null || value === undefined ? null : (JSON.parse(value) as unknown)),
    },
    ...options,
  });
