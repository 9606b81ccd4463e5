import { TextField } from '@app/core';

export class LoginDto {
  @TextField({ maxLength: 64, example: 'officer.feng' })
  username: string;

  @TextField({ maxLength: 200, example: 'a-long-password' })
  password: string;
}
