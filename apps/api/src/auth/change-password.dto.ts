import { TextField } from '@app/core';

export class ChangePasswordDto {
  @TextField({ maxLength: 200, description: 'The password you sign in with now' })
  currentPassword: string;

  @TextField({ minLength: 10, maxLength: 200, description: 'At least 10 characters, not the username' })
  newPassword: string;
}
