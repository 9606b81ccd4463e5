import type { RotationExemptionEntity } from '@app/database';
import type { ExemptionReason } from '@app/domain';

export interface RotationExemptionView {
  id: string;
  teacherId: string;
  countyId: string;
  reason: ExemptionReason;
  note: string | null;
  validFrom: string;
  /** Inclusive; null = until withdrawn. */
  validTo: string | null;
  createdBy: string | null;
  createdAt: string;
}

export function rotationExemptionView(exemption: RotationExemptionEntity): RotationExemptionView {
  return {
    id: exemption.id,
    teacherId: exemption.teacherId,
    countyId: exemption.countyId,
    reason: exemption.reason,
    note: exemption.note,
    validFrom: exemption.validFrom,
    validTo: exemption.validTo,
    createdBy: exemption.createdBy,
    createdAt: exemption.createdAt.toISOString(),
  };
}
