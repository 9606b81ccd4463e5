export * from './auth.module';
export * from './bootstrap-admin';
export * from './create-user.usecase';
export * from './get-me.usecase';
export * from './login.usecase';
export * from './password-hasher';
export * from './token.service';
export * from './user-view';
