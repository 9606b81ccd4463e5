import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { TransactionHost, UserEntity, UserRepository } from '@app/database';
import {
  Actor,
  assertManagesAccounts,
  assertMayManageAccount,
  NotFoundError,
  passwordProblems,
  Scope,
  scopeOf,
  ValidationFailedError,
  VersionConflictError,
} from '@app/domain';
import { accountAudit, accountView, AccountView } from './account-view';
import { PasswordHasher } from './password-hasher';

export type ManageAccountCommand =
  | { actor: Actor; id: string; action: 'reset-password'; newPassword: string }
  | { actor: Actor; id: string; action: 'disable' }
  | { actor: Actor; id: string; action: 'enable' };

/**
 * An officer or the administrator resets the password of an account in their scope, or
 * disables or enables it: a county officer their county's principals and teachers, the
 * administrator anyone but themself. City officers, principals and teachers get 403; an account
 * outside the scope 404. A reset or a disable ends the account's tokens at once; disabling or
 * enabling an account that already is so changes nothing.
 */
@Injectable()
export class ManageAccountUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: ManageAccountCommand): Promise<AccountView> {
    assertManagesAccounts(command.actor);
    const scope = scopeOf(command.actor);
    const target = await this.inScope(command, scope);
    assertMayManageAccount(command.actor, target);

    let passwordHash: string | null = null;
    if (command.action === 'reset-password') {
      const problems = passwordProblems(command.newPassword, target.username);
      if (problems.length > 0) throw new ValidationFailedError({ newPassword: problems });
      passwordHash = await this.hasher.hash(command.newPassword);
    }

    return this.tx.run(async () => {
      const before = await this.inScope(command, scope);
      let changed: boolean;
      if (passwordHash !== null) {
        changed = await this.users.setPassword(before.id, before.version, passwordHash);
      } else {
        const active = command.action === 'enable';
        if (before.active === active) return this.view(command, scope);
        changed = await this.users.setActive(before.id, before.version, active);
      }
      if (!changed) throw new VersionConflictError('user', before.id, before.version);
      const after = await this.inScope(command, scope);
      await this.audit.record({
        action: passwordHash !== null ? 'user.password.reset' : `user.${command.action}`,
        entity: 'user',
        entityId: before.id,
        countyId: before.countyId,
        before: accountAudit(before),
        after: accountAudit(after),
      });
      return this.view(command, scope);
    });
  }

  private async inScope(command: ManageAccountCommand, scope: Scope): Promise<UserEntity> {
    const user = await this.users.findInScope(scope, command.id);
    if (!user) throw new NotFoundError('user', command.id);
    return user;
  }

  private async view(command: ManageAccountCommand, scope: Scope): Promise<AccountView> {
    const user = await this.users.findWithNames(scope, command.id);
    if (!user) throw new NotFoundError('user', command.id);
    return accountView(user);
  }
}
