import { Module } from '@nestjs/common';
import { PolicyModule } from '@app/policy';
import { RegistryModule } from '@app/registry';
import { AllocateSchoolQuotaUseCase } from './allocate-school-quota.usecase';
import { CountyStaffingReportUseCase } from './county-staffing-report.usecase';
import { GetCountyQuotaUseCase } from './get-county-quota.usecase';
import { MoveQuotaUseCase } from './move-quota.usecase';
import { QuotaAccess } from './quota-access';
import { SchoolQuotaHistoryUseCase } from './school-quota-history.usecase';
import { SchoolStaffingUseCase } from './school-staffing.usecase';
import { SetCountyQuotaUseCase } from './set-county-quota.usecase';
import { StaffingRollupUseCase } from './staffing-rollup.usecase';

const USE_CASES = [
  SetCountyQuotaUseCase,
  GetCountyQuotaUseCase,
  AllocateSchoolQuotaUseCase,
  MoveQuotaUseCase,
  SchoolQuotaHistoryUseCase,
  SchoolStaffingUseCase,
  CountyStaffingReportUseCase,
  StaffingRollupUseCase,
];

/**
 * Staffing quotas (plan item 7): the county quota pool (approved totals, allocations, moves between schools, their
 * history) and the staffing reports (a school, a county, a city or the province) against the standard quota.
 */
@Module({
  imports: [RegistryModule, PolicyModule],
  providers: [...USE_CASES, QuotaAccess],
  exports: USE_CASES,
})
export class StaffingModule {}
