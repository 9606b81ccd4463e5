import { newId } from '@app/core';
import type { AuditRepository, TransferEntity, TransferRepository, UserEntity } from '@app/database';
import { checkPoaching, schoolYearOf } from '@app/domain';
import type { BackboneLevel, PolicyParameters, Post, TitleLevel, Zone } from '@app/domain';
import type { GeneratedCounty } from '../generator/county-generator';

export interface DemoTransferStores {
  transfers: TransferRepository;
  audit: AuditRepository;
}

/**
 * A transfer the anti-poaching rule blocked (docs/rules.md, "Transfers"), as the desk would have kept it: 丰县's
 * officer asked, a week ago, to transfer the principal of 丰县's second school (a principal counts as outstanding) to
 * 溧阳's first school from the next school year; 苏北 → 苏南, so it stands BLOCKED, with its audit entry, waiting for the
 * province administrator (who alone may record an exception) or for 丰县 to withdraw it. The rule's reason is the
 * one checkPoaching gives under the policy in force. Nothing of the teacher's postings changes.
 */
export async function seedDemoBlockedTransfer(
  stores: DemoTransferStores,
  from: { county: GeneratedCounty; countyId: string; zone: Zone },
  to: { county: GeneratedCounty; countyId: string; zone: Zone },
  officer: UserEntity,
  policy: { version: string; parameters: PolicyParameters },
  today: string,
  now: Date,
): Promise<TransferEntity | null> {
  const fromSchool = from.county.directory[1];
  const toSchool = to.county.directory[0];
  const teacher = from.county.teachers.find((t) => t.id === fromSchool?.principalId);
  if (!fromSchool || !toSchool || !teacher) return null;
  const check = checkPoaching(
    { backbone: teacher.backbone as BackboneLevel, title: teacher.title_level as TitleLevel, post: teacher.post as Post },
    from.zone,
    to.zone,
    policy.parameters,
  );
  const asked = new Date(now.getTime() - 7 * 86_400_000);
  const transfer: TransferEntity = {
    id: newId(),
    teacherId: String(teacher.id),
    fromSchoolId: fromSchool.schoolId,
    fromCountyId: from.countyId,
    toSchoolId: toSchool.schoolId,
    toCountyId: to.countyId,
    effectiveDate: `${schoolYearOf(today) + 1}-09-01`,
    reason: '溧阳实验小学拟引进该校长担任校长',
    status: check.blocked ? 'BLOCKED' : 'PENDING',
    poachingBlocked: check.blocked,
    poachingReasonZh: check.reason.zh,
    poachingReasonEn: check.reason.en,
    policyVersion: policy.version,
    exceptionBy: null,
    exceptionByUsername: null,
    exceptionAt: null,
    exceptionReason: null,
    decidedBy: null,
    decidedByUsername: null,
    decidedAt: null,
    decisionNote: null,
    executedAt: null,
    postingId: null,
    cancelledAt: null,
    createdBy: officer.id,
    createdByUsername: officer.username,
    createdAt: asked,
    version: 1,
    updatedAt: asked,
  };
  await stores.transfers.insert(transfer);
  await stores.audit.insert({
    at: asked,
    actorId: officer.id,
    actorUsername: officer.username,
    actorRole: officer.role,
    action: 'transfer.block',
    entity: 'transfer',
    entityId: transfer.id,
    countyId: from.countyId,
    before: null,
    after: {
      id: transfer.id,
      teacherId: transfer.teacherId,
      teacherName: teacher.name,
      fromSchoolId: transfer.fromSchoolId,
      fromSchoolName: fromSchool.name,
      toSchoolId: transfer.toSchoolId,
      toSchoolName: toSchool.name,
      effectiveDate: transfer.effectiveDate,
      reason: transfer.reason,
      status: transfer.status,
      poachingCheck: { reason: check.reason, fromZone: check.fromZone, toZone: check.toZone, grounds: check.grounds },
    },
    requestId: null,
  });
  return transfer;
}
