import { Module } from '@nestjs/common';
import { PolicyModule } from '@app/policy';
import { RegistryModule } from '@app/registry';
import { ListRotationExemptionsUseCase } from './list-rotation-exemptions.usecase';
import { ReadRotationCandidatesUseCase } from './read-rotation-candidates.usecase';
import { RecordRotationExemptionUseCase } from './record-rotation-exemption.usecase';
import { WithdrawRotationExemptionUseCase } from './withdraw-rotation-exemption.usecase';

const USE_CASES = [ReadRotationCandidatesUseCase, RecordRotationExemptionUseCase, ListRotationExemptionsUseCase, WithdrawRotationExemptionUseCase];

/** Rotation under 县管校聘 (plan item 9): a county's candidates and targets, and the exemptions officers record. */
@Module({ imports: [RegistryModule, PolicyModule], providers: USE_CASES, exports: USE_CASES })
export class RotationModule {}
