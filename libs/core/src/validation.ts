import { ValidationError, ValidationPipe } from '@nestjs/common';
import { InputValidationPipe } from './input-validation.pipe';
import { FieldErrors, ValidationFailedError } from '@app/domain';

/** Flattens class-validator errors into `{ "grades.0.students": [messages] }`. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      fields[path] = Object.values(error.constraints).map((message) => friendly(message, error.property));
    }
    if (error.children?.length) Object.assign(fields, fieldErrors(error.children, path));
  }
  return fields;
}

function friendly(message: string, property: string): string {
  if (message === `property ${property} should not exist`) return 'is not a known field';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** Refuses unsafe input and unknown fields, converts query strings, and reports every bad field by its path. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = fieldErrors(errors);
      const names = Object.keys(fields);
      return new ValidationFailedError(fields, `Invalid ${names.length === 1 ? 'field' : 'fields'}: ${names.join(', ')}`);
    },
  });
}
