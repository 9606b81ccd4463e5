import { ApiProperty } from '@nestjs/swagger';
import { BoolField, EnumField, PageQuery, TextField } from '@app/core';
import { ROLES } from '@app/domain';
import type { Role } from '@app/domain';
import { UserResponse } from '../auth/user.response';

export class UsersQuery extends PageQuery {
  @EnumField(ROLES, { required: false, enumName: 'Role' })
  role?: Role;

  @TextField({ required: false, maxLength: 64, description: 'Part of the username, or of the linked teacher’s name' })
  q?: string;

  @BoolField({ required: false, query: true, description: 'true: accounts that may sign in; false: disabled accounts' })
  active?: boolean;
}

export class ResetPasswordDto {
  @TextField({ minLength: 10, maxLength: 200, description: 'At least 10 characters, not the username' })
  newPassword: string;
}

export class AccountResponse extends UserResponse {
  @ApiProperty({ description: 'false: disabled; it cannot sign in and its tokens answer 401' })
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastLoginAt: string | null;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ nullable: true, type: String, description: 'Name of the linked teacher record (principals and teachers)', example: '王静' })
  teacherName: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Name of the principal’s school', example: '丰县凤城街道中心小学' })
  schoolName: string | null;
}
