import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { BootstrapAdmin } from './bootstrap-admin';
import { ChangeOwnPasswordUseCase } from './change-own-password.usecase';
import { CreateUserUseCase } from './create-user.usecase';
import { GetMeUseCase } from './get-me.usecase';
import { ListUsersUseCase } from './list-users.usecase';
import { LoginUseCase } from './login.usecase';
import { ManageAccountUseCase } from './manage-account.usecase';
import { OpenQueueDashboardUseCase } from './open-queue-dashboard.usecase';
import { PasswordHasher } from './password-hasher';
import { SignInLimiter } from './sign-in-limiter';
import { TokenService } from './token.service';

const PROVIDERS = [
  PasswordHasher,
  TokenService,
  SignInLimiter,
  LoginUseCase,
  GetMeUseCase,
  CreateUserUseCase,
  ListUsersUseCase,
  ChangeOwnPasswordUseCase,
  ManageAccountUseCase,
  OpenQueueDashboardUseCase,
  BootstrapAdmin,
];

@Global()
@Module({ imports: [JwtModule.register({})], providers: PROVIDERS, exports: PROVIDERS })
export class AuthModule {}
