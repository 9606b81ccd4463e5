import { ApiProperty } from '@nestjs/swagger';
import { BoolField, PageQuery } from '@app/core';
import { NOTIFICATION_KINDS } from '@app/domain';
import type { NotificationKind } from '@app/domain';
import { PageResponse } from '../common/page.response';

export class NotificationsQuery extends PageQuery {
  @BoolField({ required: false, query: true, description: 'true: only unread notifications; false: only those read' })
  unread?: boolean;
}

class NotificationTitleResponse {
  @ApiProperty({ example: '新增教师缺口预警（严重）：华山中心小学 · 体育与健康' }) zh: string;
  @ApiProperty({ example: 'New shortage flag (Critical): 华山中心小学 · Physical education' }) en: string;
}

class NotificationBodyResponse {
  @ApiProperty({ example: '学科无人任教（开不齐）：体育与健康：需 1.125 个专任教师当量，现有 0（缺 1.125）\n政策版本：jiangsu-2024.1' })
  zh: string;
  @ApiProperty({
    example:
      'Subject nobody teaches: Physical education: 1.125 full-time equivalents needed, 0 in post (1.125 short)\nPolicy version: jiangsu-2024.1',
  })
  en: string;
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind', description: 'Labels in GET /codes (notificationKinds)' })
  kind: NotificationKind;

  @ApiProperty({ type: NotificationTitleResponse, description: 'As written when it was sent: it does not change with a later policy or label' })
  title: NotificationTitleResponse;

  @ApiProperty({ type: NotificationBodyResponse, description: 'Lines separated by \\n' })
  body: NotificationBodyResponse;

  @ApiProperty({ example: 'shortage_flag', description: 'What it is about: the kind of record …' })
  entity: string;

  @ApiProperty({ example: '0190f7a2-3c4d-7e5f-8a6b-9c0d1e2f3a4b', description: '… and its id' })
  entityId: string;

  @ApiProperty({ nullable: true, type: String, example: '320321', description: 'The county where it lies' })
  countyId: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The school where it lies' })
  schoolId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The figures and names the text was made from, by kind (a shortage flag: schoolName, subject, severity, requiredFte, actualFte, gap …)',
  })
  params: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' }) createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When you marked it read; null while unread' })
  readAt: string | null;
}

export class NotificationPageResponse extends PageResponse(NotificationResponse) {
  @ApiProperty({ example: 3, description: 'Your unread notifications, whatever the filter' })
  unread: number;
}

export class MarkedResponse {
  @ApiProperty({ example: 3, description: 'How many unread notifications were marked read (0 when none was unread)' })
  marked: number;
}
