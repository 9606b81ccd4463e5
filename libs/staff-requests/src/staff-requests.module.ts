import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { RegistryModule } from '@app/registry';
import { CancelStaffRequestUseCase } from './cancel-staff-request.usecase';
import { DecideStaffRequestUseCase } from './decide-staff-request.usecase';
import { FulfilmentRecorder } from './fulfilment-recorder';
import { GetStaffRequestUseCase } from './get-staff-request.usecase';
import { ListStaffRequestsUseCase } from './list-staff-requests.usecase';
import { RecordFulfilmentUseCase } from './record-fulfilment.usecase';
import { StaffRequestAccess } from './staff-request-access';
import { StaffRequestNotices } from './staff-request-notices';
import { SubmitStaffRequestUseCase } from './submit-staff-request.usecase';

const USE_CASES = [
  SubmitStaffRequestUseCase,
  ListStaffRequestsUseCase,
  GetStaffRequestUseCase,
  DecideStaffRequestUseCase,
  CancelStaffRequestUseCase,
  RecordFulfilmentUseCase,
];

/** Principals' staff requests (plan item 7, "按需补充"): asked, decided by the county, fulfilled by postings, or withdrawn. */
@Module({
  imports: [RegistryModule, NotificationsModule],
  providers: [...USE_CASES, StaffRequestAccess, StaffRequestNotices, FulfilmentRecorder],
  exports: [...USE_CASES, FulfilmentRecorder],
})
export class StaffRequestsModule {}
