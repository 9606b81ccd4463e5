import { DivisionCodeField, EnumField, IdField, TextField } from '@app/core';
import { ROLES } from '@app/domain';
import type { Role } from '@app/domain';

export class CreateUserDto {
  @TextField({
    minLength: 3,
    maxLength: 64,
    pattern: /^[A-Za-z0-9._-]+$/,
    patternMessage: 'may hold letters, digits, dot, dash and underscore',
    example: 'principal.wang',
  })
  username: string;

  @TextField({ minLength: 10, maxLength: 200, description: 'At least 10 characters' })
  password: string;

  @EnumField(ROLES, { enumName: 'Role' })
  role: Role;

  @DivisionCodeField({ required: false, description: 'Required for CITY_OFFICER', example: '320300' })
  cityId?: string;

  @DivisionCodeField({
    required: false,
    description: 'Required for COUNTY_OFFICER; for principals and teachers it must match their school or record',
  })
  countyId?: string;

  @IdField({ required: false, description: 'Required for PRINCIPAL' })
  schoolId?: string;

  @IdField({
    required: false,
    description:
      "Required for PRINCIPAL and TEACHER: their own teacher record. A principal's is the record of the school's principal or a vice-principal (post PRINCIPAL or VICE_PRINCIPAL) posted at the school today or from a later day.",
  })
  teacherId?: string;
}
