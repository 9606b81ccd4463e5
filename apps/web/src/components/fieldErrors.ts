import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts a 400 VALIDATION_FAILED answer's messages next to their fields; true when it did. Field paths are the API's
 * (`endDate`, `title.level`), which are the forms' field names.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return false;
  const fields = Object.entries(error.fields);
  if (fields.length === 0) return false;
  form.setFields(fields.map(([path, errors]) => ({ name: path.split('.'), errors })));
  return true;
}
