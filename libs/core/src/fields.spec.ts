import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DateField, IdListField, NumberField, TextField } from './fields';
import { fieldErrors } from './validation';

class Sample {
  @TextField({ maxLength: 10, required: false })
  name?: string;

  @DateField({ required: false, nullable: true })
  endDate?: string | null;

  @DateField({ required: false })
  asOf?: string;

  @NumberField({ required: false, min: 0, max: 1, exclusiveMin: true, maxDecimals: 3 })
  fraction?: number;

  @NumberField({ required: false, min: 0, max: 10000, exclusiveMin: true, maxDecimals: 2 })
  hours?: number;

  @IdListField({ required: false, maxItems: 3 })
  flagIds?: string[];
}

const problems = (body: object) =>
  fieldErrors(validateSync(plainToInstance(Sample, body), { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }));

describe('field decorators', () => {
  describe('optional fields', () => {
    it('may be left out', () => {
      expect(problems({})).toEqual({});
    });

    it('refuse null unless they are nullable (a PATCH would otherwise write null into a NOT NULL column)', () => {
      expect(problems({ name: null })).toEqual({ name: ['must not be null'] });
      expect(problems({ asOf: null, fraction: null })).toEqual({ asOf: ['must not be null'], fraction: ['must not be null'] });
      expect(problems({ endDate: null })).toEqual({});
    });
  });

  describe('dates', () => {
    it('lie between 1900-01-01 and 2199-12-31, naming the field', () => {
      expect(problems({ asOf: '1900-01-01', endDate: '2199-12-31' })).toEqual({});
      for (const asOf of ['0000-01-01', '9999-12-31', '1899-12-31', '2200-01-01']) {
        expect(problems({ asOf })).toEqual({ asOf: ['must lie between 1900-01-01 and 2199-12-31'] });
      }
      expect(problems({ endDate: '9999-12-31' })).toEqual({ endDate: ['must lie between 1900-01-01 and 2199-12-31'] });
    });

    it('are calendar dates written YYYY-MM-DD', () => {
      expect(problems({ asOf: '2026-02-29' })).toEqual({ asOf: ['must be a date YYYY-MM-DD'] });
      expect(problems({ asOf: 20260901 })).toEqual({ asOf: ['must be a date YYYY-MM-DD'] });
    });
  });

  describe('lists of ids', () => {
    it('hold up to the given number of ids, each once, naming the field', () => {
      expect(problems({ flagIds: [] })).toEqual({});
      expect(problems({ flagIds: ['a', 'b', 'c'] })).toEqual({});
      expect(problems({ flagIds: 'a' })).toEqual({ flagIds: ['must be a list'] });
      expect(problems({ flagIds: ['a', 'b', 'c', 'd'] })).toEqual({ flagIds: [expect.stringContaining('3')] });
      expect(problems({ flagIds: ['a', 'a'] })).toEqual({ flagIds: ['must not name an id twice'] });
      expect(problems({ flagIds: ['a', 7] })).toEqual({ flagIds: ['must hold ids (strings)'] });
      expect(problems({ flagIds: ['x'.repeat(65)] })).toEqual({ flagIds: [expect.stringContaining('64')] });
      expect(problems({ flagIds: null })).toEqual({ flagIds: ['must not be null'] });
    });
  });

  describe('numbers', () => {
    it('count the decimals of numbers written with an exponent instead of failing on them', () => {
      expect(problems({ fraction: 1e-10 })).toEqual({ fraction: ['must be a number with at most 3 decimals'] });
      expect(problems({ hours: 1.5e-7 })).toEqual({ hours: ['must be a number with at most 2 decimals'] });
      expect(problems({ hours: 1e21 })).toEqual({ hours: ['must not be greater than 10000'] });
      expect(problems({ hours: 5e-324 })).toEqual({ hours: ['must be a number with at most 2 decimals'] });
      expect(problems({ hours: 1.7976931348623157e308 })).toEqual({ hours: ['must not be greater than 10000'] });
    });

    it('accept up to the stated decimals', () => {
      expect(problems({ fraction: 0.125, hours: 7.25 })).toEqual({});
      expect(problems({ fraction: 0.1255 })).toEqual({ fraction: ['must be a number with at most 3 decimals'] });
      expect(problems({ hours: 12 })).toEqual({});
    });

    it('refuse what is not a finite number', () => {
      expect(problems({ fraction: '0.5' })).toEqual({ fraction: ['must be a number'] });
      expect(problems({ fraction: Number.NaN })).toEqual({ fraction: ['must be a number'] });
    });
  });
});
