import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { PolicyRepository, TransactionHost } from '@app/database';
import { Actor, assertTakesEffectFromToday, ForbiddenError, RuleViolationError, validatePolicyDocument, ValidationFailedError } from '@app/domain';
import { policyVersionView, PolicyView } from './get-policy.usecase';

export interface PublishPolicyVersionCommand {
  actor: Actor;
  document: unknown;
}

/** A province administrator publishes a new, complete policy version taking effect today or later (422 POLICY_BACKDATED otherwise). */
@Injectable()
export class PublishPolicyVersionUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repository: PolicyRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: PublishPolicyVersionCommand): Promise<PolicyView> {
    if (command.actor.role !== 'PROVINCE_ADMIN') throw new ForbiddenError('Only a province administrator may publish policy');
    const result = validatePolicyDocument(command.document);
    if (!result.ok) {
      throw new ValidationFailedError(result.errors, `Invalid policy document: ${Object.keys(result.errors).join(', ')}`);
    }
    const document = result.document;
    assertTakesEffectFromToday(document.effectiveFrom, this.clock.today());
    return this.tx.run(async () => {
      if (await this.repository.findById(document.version)) {
        throw new RuleViolationError(
          'POLICY_VERSION_EXISTS',
          `Policy version ${document.version} exists already; versions are never changed, publish a new one`,
          {
            version: document.version,
          },
        );
      }
      const row = {
        id: document.version,
        effectiveFrom: document.effectiveFrom,
        title: document.title,
        document,
        publishedAt: this.clock.now(),
        publishedBy: command.actor.userId,
      };
      await this.repository.insert(row);
      await this.audit.record({ action: 'policy.publish', entity: 'policy_version', entityId: row.id, countyId: null, after: document });
      return { ...policyVersionView(row), parameters: document.parameters };
    });
  }
}
