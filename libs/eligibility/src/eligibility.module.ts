import { Module } from '@nestjs/common';
import { RegistryModule } from '@app/registry';
import { CountyEligibilityUseCase } from './county-eligibility.usecase';
import { GetEligibilityUseCase } from './get-eligibility.usecase';
import { WhatIfEligibilityUseCase } from './what-if-eligibility.usecase';

const USE_CASES = [GetEligibilityUseCase, WhatIfEligibilityUseCase, CountyEligibilityUseCase];

/** Eligibility (plan item 9): rural or weak service for senior titles and principal selection. */
@Module({ imports: [RegistryModule], providers: USE_CASES, exports: USE_CASES })
export class EligibilityModule {}
