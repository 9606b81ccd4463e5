import { v7 } from 'uuid';

/**
 * A new id for a stored row: a time-ordered UUID (RFC 9562 version 7), increasing within the
 * process. Rows written later sort later, so MySQL/InnoDB appends them to the end of the primary
 * key and of the indexes that start with an id (a teacher's postings, their training entries)
 * instead of touching random pages across tables of millions of rows.
 */
export function newId(): string {
  return v7();
}
