import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from '@app/domain';
import { inputProblems } from './request-input';

/**
 * The global validation pipe: first the checks every input needs whatever its shape (depth,
 * reserved keys, NUL and unpaired surrogates; see request-input.ts), on bodies, queries and path
 * parameters alike, including bodies no DTO describes (the policy document, a CSV upload);
 * then class-validator against the DTO.
 */
export class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problems = inputProblems(value, { prefix: metadata.data ?? '', label: metadata.data ?? metadata.type });
      const names = Object.keys(problems);
      if (names.length > 0) throw new ValidationFailedError(problems, `Invalid ${names.length === 1 ? 'field' : 'fields'}: ${names.join(', ')}`);
    }
    return super.transform(value, metadata);
  }
}
