import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { STATUS_OF_KIND } from '../errors/domain-error';
import { ERROR_LABELS } from './error-labels';

const ROOT = join(__dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'migrations' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every error code the sources can answer, with the status it answers with: rule violations
 * (422), domain errors by their kind, error bodies written out (`statusCode…, code: 'X'`) and the
 * filter's table of codes by status.
 */
function answeredCodes(): { code: string; status: number | null; where: string }[] {
  const found: { code: string; status: number | null; where: string }[] = [];
  for (const file of [...sources(join(ROOT, 'libs')), ...sources(join(ROOT, 'apps'))]) {
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    for (const m of text.matchAll(/new RuleViolationError\(\s*'([A-Z][A-Z0-9_]+)'/g)) found.push({ code: m[1], status: 422, where });
    for (const m of text.matchAll(/(?:super|new DomainError)\(\s*'([A-Z_]+)',\s*'([A-Z][A-Z0-9_]+)'/g)) {
      found.push({ code: m[2], status: STATUS_OF_KIND[m[1] as keyof typeof STATUS_OF_KIND] ?? null, where });
    }
    for (const m of text.matchAll(/statusCode(?::\s*(\d{3}))?,\s*code:\s*'([A-Z][A-Z0-9_]+)'/g)) {
      found.push({ code: m[2], status: m[1] ? Number(m[1]) : null, where });
    }
    if (text.includes('ExceptionFilter')) {
      for (const m of text.matchAll(/^\s*(\d{3}):\s*'([A-Z][A-Z0-9_]+)',?\s*$/gm)) found.push({ code: m[2], status: Number(m[1]), where });
    }
  }
  return found;
}

describe('error labels', () => {
  const answered = answeredCodes();

  it('find the codes in the sources (the search is not blind)', () => {
    const codes = new Set(answered.map((a) => a.code));
    for (const code of ['VALIDATION_FAILED', 'NOT_FOUND', 'POSTING_OVERLAP', 'VERSION_CONFLICT', 'ALREADY_DECIDED', 'DUPLICATE', 'INTERNAL_ERROR']) {
      expect(codes).toContain(code);
    }
  });

  it('label every code thrown or answered anywhere in libs/ and apps/, with the status it is answered with', () => {
    const unlabelled = answered.filter((a) => !(a.code in ERROR_LABELS)).map((a) => `${a.code} (${a.where})`);
    expect(unlabelled).toEqual([]);
    const wrongStatus = answered
      .filter((a) => a.status !== null && ERROR_LABELS[a.code as keyof typeof ERROR_LABELS].status !== a.status)
      .map((a) => `${a.code}: answered ${a.status} (${a.where})`);
    expect(wrongStatus).toEqual([]);
  });

  it('explain each code in Chinese and English, as an HTTP error status', () => {
    for (const [code, label] of Object.entries(ERROR_LABELS)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(label.zh.trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
      expect(label.status).toBeGreaterThanOrEqual(400);
      expect(label.status).toBeLessThan(600);
    }
  });
});
