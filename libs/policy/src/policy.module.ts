import { Global, Module } from '@nestjs/common';
import { GetPolicyUseCase } from './get-policy.usecase';
import { ListPolicyVersionsUseCase } from './list-policy-versions.usecase';
import { PolicyStore } from './policy-store';
import { PublishPolicyVersionUseCase } from './publish-policy-version.usecase';

const PROVIDERS = [PolicyStore, GetPolicyUseCase, ListPolicyVersionsUseCase, PublishPolicyVersionUseCase];

@Global()
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class PolicyModule {}
