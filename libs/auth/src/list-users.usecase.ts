import { Injectable } from '@nestjs/common';
import { offsetOf, Page, PageRequest } from '@app/core';
import { UserFilter, UserRepository } from '@app/database';
import { ACCOUNT_READERS, Actor, requireRole, scopeOf } from '@app/domain';
import { accountView, AccountView } from './account-view';

/**
 * The accounts in the caller's scope, by username: the administrator every account, a city
 * officer the city's, a county officer the county's. Principals and teachers get 403.
 */
@Injectable()
export class ListUsersUseCase {
  constructor(private readonly users: UserRepository) {}

  async execute(command: { actor: Actor; filter: UserFilter; page: PageRequest }): Promise<Page<AccountView>> {
    requireRole(command.actor, ACCOUNT_READERS, 'list accounts');
    const [rows, total] = await this.users.list(scopeOf(command.actor), command.filter, offsetOf(command.page), command.page.pageSize);
    return { items: rows.map(accountView), total, ...command.page };
  }
}
