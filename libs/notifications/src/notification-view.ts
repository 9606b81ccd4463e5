import type { NotificationEntity } from '@app/database';
import type { Label, NotificationKind } from '@app/domain';

/** A notification as its recipient reads it: the stored text in both languages, what it is about, and when it was read. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: Label;
  body: Label;
  /** What it is about: an entity name (`shortage_flag`) and its id, with the county and school where it lies. */
  entity: string;
  entityId: string;
  countyId: string | null;
  schoolId: string | null;
  /** The figures and names the text was made from, as data. */
  params: Record<string, unknown>;
  createdAt: string;
  /** Null while unread. */
  readAt: string | null;
}

export function notificationView(row: NotificationEntity): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: { zh: row.titleZh, en: row.titleEn },
    body: { zh: row.bodyZh, en: row.bodyEn },
    entity: row.entity,
    entityId: row.entityId,
    countyId: row.countyId,
    schoolId: row.schoolId,
    params: row.params,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
