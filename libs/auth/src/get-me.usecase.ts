import { Injectable } from '@nestjs/common';
import { UserRepository } from '@app/database';
import { Actor, NotFoundError } from '@app/domain';
import { userView, UserView } from './user-view';

/** The signed-in account. */
@Injectable()
export class GetMeUseCase {
  constructor(private readonly users: UserRepository) {}

  async execute(command: { actor: Actor }): Promise<UserView> {
    const user = await this.users.findById(command.actor.userId);
    if (!user) throw new NotFoundError('user', command.actor.userId);
    return userView(user);
  }
}
