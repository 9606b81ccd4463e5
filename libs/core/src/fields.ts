import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { isSupportedDate, supportedDateProblem } from '@app/domain';

/**
 * Field decorators that declare validation and the OpenAPI description together, so the
 * documented contract and the enforced one cannot drift apart.
 */
interface FieldOptions {
  description?: string;
  /** Default true. An optional field may be absent. */
  required?: boolean;
  /** The field may be sent as null (e.g. to clear an end date). */
  nullable?: boolean;
  example?: unknown;
}

const NotNull = () => ValidateBy({ name: 'isNotNull', validator: { validate: (value) => value !== null, defaultMessage: () => 'must not be null' } });

/**
 * Whether a field may be absent or null. class-validator's IsOptional lets null through as well,
 * which a PATCH would then write into a NOT NULL column: an optional field that is not `nullable`
 * may be left out, never sent as null.
 */
function presence(options: FieldOptions, doc: Record<string, unknown>): PropertyDecorator[] {
  const required = options.required ?? true;
  const api = { description: options.description, example: options.example, nullable: options.nullable, ...doc };
  const decorators: PropertyDecorator[] = [required ? ApiProperty(api) : ApiPropertyOptional(api)];
  if (!required && options.nullable) {
    decorators.push(IsOptional());
  } else if (!required) {
    decorators.push(ValidateIf((_object, value) => value !== undefined));
    decorators.push(NotNull());
  } else {
    if (options.nullable) decorators.push(ValidateIf((_object, value) => value !== null));
    decorators.push(IsDefined({ message: 'is required' }));
  }
  return decorators;
}

/** A calendar date `YYYY-MM-DD` within the supported range (1900-01-01 … 2199-12-31). */
const IsSupportedDate = () =>
  ValidateBy({
    name: 'isSupportedDate',
    validator: { validate: (value) => isSupportedDate(value), defaultMessage: (args) => supportedDateProblem(args?.value) ?? '' },
  });

export function DateField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(...presence(options, { type: String, format: 'date', example: options.example ?? '2026-09-01' }), IsSupportedDate());
}

export function EnumField(values: readonly (string | number)[], options: FieldOptions & { enumName?: string } = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { enum: [...values], enumName: options.enumName }),
    IsIn([...values], { message: `must be one of ${values.join(', ')}` }),
  );
}

export function TextField(
  options: FieldOptions & { minLength?: number; maxLength: number; pattern?: RegExp; patternMessage?: string },
): PropertyDecorator {
  const decorators = [
    ...presence(options, { type: String, minLength: options.minLength ?? 1, maxLength: options.maxLength, pattern: options.pattern?.source }),
    IsString(),
    MinLength(options.minLength ?? 1),
    MaxLength(options.maxLength),
  ];
  if (options.pattern) decorators.push(Matches(options.pattern, { message: options.patternMessage ?? `must match ${options.pattern.source}` }));
  return applyDecorators(...decorators);
}

export function IntField(options: FieldOptions & { min?: number; max?: number; query?: boolean } = {}): PropertyDecorator {
  const decorators = [
    ...presence(options, { type: Number, minimum: options.min, maximum: options.max }),
    IsInt({ message: 'must be a whole number' }),
  ];
  if (options.query) decorators.unshift(Type(() => Number));
  if (options.min !== undefined) decorators.push(Min(options.min));
  if (options.max !== undefined) decorators.push(Max(options.max));
  return applyDecorators(...decorators);
}

/**
 * Decimal places of a number as JavaScript writes it, exponents included (1e-10 has 10, 1.5e-7 has 8,
 * 1e21 has none). class-validator's own maxDecimalPlaces check fails on an exponent.
 */
function decimalPlaces(value: number): number {
  const match = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) return Infinity;
  return Math.max(0, (match[1]?.length ?? 0) - Number(match[2] ?? 0));
}

export function NumberField(options: FieldOptions & { min?: number; max?: number; maxDecimals?: number; exclusiveMin?: boolean }): PropertyDecorator {
  const decorators = [
    ...presence(options, { type: Number, minimum: options.min, maximum: options.max, exclusiveMinimum: options.exclusiveMin }),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' }),
  ];
  if (options.maxDecimals !== undefined) {
    const maxDecimals = options.maxDecimals;
    decorators.push(
      ValidateBy({
        name: 'maxDecimalPlaces',
        validator: {
          validate: (v) => typeof v === 'number' && decimalPlaces(v) <= maxDecimals,
          defaultMessage: () => `must be a number with at most ${maxDecimals} decimals`,
        },
      }),
    );
  }
  if (options.min !== undefined) {
    const min = options.min;
    decorators.push(
      options.exclusiveMin
        ? ValidateBy({
            name: 'greaterThan',
            validator: { validate: (v) => typeof v === 'number' && v > min, defaultMessage: () => `must be greater than ${min}` },
          })
        : Min(min),
    );
  }
  if (options.max !== undefined) decorators.push(Max(options.max));
  return applyDecorators(...decorators);
}

export function BoolField(options: FieldOptions & { query?: boolean } = {}): PropertyDecorator {
  const decorators = [...presence(options, { type: Boolean }), IsBoolean({ message: 'must be true or false' })];
  if (options.query) {
    decorators.unshift(Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)));
  }
  return applyDecorators(...decorators);
}

/** A resource id (UUID) sent by a client; an id that names nothing in scope answers 404, so only the document says UUID. */
export function IdField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(TextField({ ...options, maxLength: 64 }), ApiProperty({ format: 'uuid' }));
}

/** A list of resource ids (UUIDs), each at most once; an id that names nothing answers as the use case decides. */
export function IdListField(options: FieldOptions & { maxItems: number }): PropertyDecorator {
  return applyDecorators(
    ...presence(options, { type: String, isArray: true, maxItems: options.maxItems, uniqueItems: true }),
    IsArray({ message: 'must be a list' }),
    ArrayMaxSize(options.maxItems),
    ArrayUnique({ message: 'must not name an id twice' }),
    IsString({ each: true, message: 'must hold ids (strings)' }),
    MinLength(1, { each: true }),
    MaxLength(64, { each: true }),
  );
}

/** A 6-digit official division code (city or county). */
export function DivisionCodeField(options: FieldOptions = {}): PropertyDecorator {
  return TextField({
    ...options,
    minLength: 6,
    maxLength: 6,
    pattern: /^\d{6}$/,
    patternMessage: 'must be a 6-digit division code',
    example: options.example ?? '320321',
  });
}

/** A nested object, or an array of them with `array`, validated field by field. */
export function NestedField(
  type: () => new () => object,
  options: FieldOptions & { array?: boolean; minItems?: number; maxItems?: number } = {},
): PropertyDecorator {
  // @nestjs/swagger resolves a lazy type only from a function named `type`; any other function (an anonymous arrow)
  // is taken for the class itself and documented as a reference to an empty schema name.
  const lazy = { type: () => type() }.type;
  const decorators = [
    ...presence(options, { type: lazy, isArray: options.array, minItems: options.minItems, maxItems: options.maxItems }),
    ValidateNested({ each: options.array }),
    Type(type),
  ];
  if (options.array) {
    decorators.push(IsArray({ message: 'must be a list' }));
    if (options.minItems !== undefined) decorators.push(ArrayMinSize(options.minItems));
    if (options.maxItems !== undefined) decorators.push(ArrayMaxSize(options.maxItems));
  } else {
    decorators.push(
      ValidateBy({
        name: 'isObject',
        validator: { validate: (v) => typeof v === 'object' && v !== null && !Array.isArray(v), defaultMessage: () => 'must be an object' },
      }),
    );
  }
  return applyDecorators(...decorators);
}

/** The `version` a client read, sent back with a change (optimistic locking). */
export function VersionField(options: FieldOptions & { query?: boolean } = {}): PropertyDecorator {
  return IntField({ min: 1, description: 'The version you read; a stale one answers 409 VERSION_CONFLICT', example: 1, ...options });
}
