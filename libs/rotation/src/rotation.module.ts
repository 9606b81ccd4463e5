import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { PolicyModule } from '@app/policy';
import { RegistryModule } from '@app/registry';
import { StaffRequestsModule } from '@app/staff-requests';
import { CountyRotationYearReader } from './county-rotation-year';
import { ListRotationExemptionsUseCase } from './list-rotation-exemptions.usecase';
import { ActivateRotationPlanUseCase } from './plans/activate-rotation-plan.usecase';
import { AddRotationAssignmentUseCase } from './plans/add-rotation-assignment.usecase';
import { CompleteEndedRotationPlansUseCase } from './plans/complete-ended-rotation-plans.usecase';
import { CompleteRotationPlansProcessor } from './plans/complete-rotation-plans.processor';
import { CreateRotationPlanUseCase } from './plans/create-rotation-plan.usecase';
import { GetRotationPlanUseCase } from './plans/get-rotation-plan.usecase';
import { ListRotationPlansUseCase } from './plans/list-rotation-plans.usecase';
import { RemoveRotationAssignmentUseCase } from './plans/remove-rotation-assignment.usecase';
import { RotationPlanAccess } from './plans/rotation-plan-access';
import { RotationPlanNotices } from './plans/rotation-plan-notices';
import { RotationPlanReviewer } from './plans/rotation-plan-reviewer';
import { RotationPlanStepUseCase } from './plans/rotation-plan-step.usecase';
import { ReadRotationCandidatesUseCase } from './read-rotation-candidates.usecase';
import { RecordRotationExemptionUseCase } from './record-rotation-exemption.usecase';
import { WithdrawRotationExemptionUseCase } from './withdraw-rotation-exemption.usecase';

const USE_CASES = [
  ReadRotationCandidatesUseCase,
  RecordRotationExemptionUseCase,
  ListRotationExemptionsUseCase,
  WithdrawRotationExemptionUseCase,
  CreateRotationPlanUseCase,
  ListRotationPlansUseCase,
  GetRotationPlanUseCase,
  AddRotationAssignmentUseCase,
  RemoveRotationAssignmentUseCase,
  RotationPlanStepUseCase,
  ActivateRotationPlanUseCase,
  CompleteEndedRotationPlansUseCase,
];

/** Rotation under 县管校聘 (plan item 9): a county's candidates and targets, the exemptions officers record, and the plans that move teachers. */
@Module({
  imports: [RegistryModule, PolicyModule, NotificationsModule, StaffRequestsModule],
  providers: [...USE_CASES, CountyRotationYearReader, RotationPlanAccess, RotationPlanReviewer, RotationPlanNotices, CompleteRotationPlansProcessor],
  exports: USE_CASES,
})
export class RotationModule {}
