import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@app/domain';
import type { Role } from '@app/domain';

export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'officer.feng' })
  username: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiPropertyOptional({ example: '320300' })
  cityId?: string;

  @ApiPropertyOptional({ example: '320321' })
  countyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  schoolId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  teacherId?: string;
}

export class LoginResponse {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 28800 })
  expiresIn: number;

  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}
