import { Module } from '@nestjs/common';
import { PolicyModule } from '@app/policy';
import { CountyRotationYearReader } from './county-rotation-year';
import { ReadRotationRewardsUseCase } from './read-rotation-rewards.usecase';

/** The rotation rewards report of a county's plan year (plan item 9: 对培养、输送优秀骨干教师的学校给予奖励支持). */
@Module({ imports: [PolicyModule], providers: [ReadRotationRewardsUseCase, CountyRotationYearReader], exports: [ReadRotationRewardsUseCase] })
export class RotationReportModule {}
