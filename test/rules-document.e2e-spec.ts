import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const RULES = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * docs/rules.md is the project's own rule book: what it points at must exist, the sections code
 * comments cite must be there, and nothing in the code points outside the repository.
 */
describe('the rules document', () => {
  const code = ['apps', 'libs', 'seeds', 'test', 'bench'].flatMap((dir) => sources(join(ROOT, dir))).filter((file) => file !== __filename);

  it('names only files and folders that exist', () => {
    const paths = [...RULES.matchAll(/`((?:apps|libs|seeds|test|bench|docs)\/[^`*\s]+)`/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('has every section that code comments cite (docs/rules.md, "Section")', () => {
    const headings = new Set([...RULES.matchAll(/^##+ (.+)$/gm)].map((m) => m[1].trim()));
    const cited = code.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/docs\/rules\.md,\s*(?:\*\s*)?"([^"]+)"/g)].map((m) => ({ section: m[1], file: relative(ROOT, file) })),
    );
    expect(cited.length).toBeGreaterThan(3);
    expect(cited.filter((c) => !headings.has(c.section))).toEqual([]);
  });

  it('is where the code points for rules: nothing points outside the repository', () => {
    const outside = code
      .filter((file) => /\.\.\/shared|shared\/docs|\bdomain\.md\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(outside).toEqual([]);
  });
});
