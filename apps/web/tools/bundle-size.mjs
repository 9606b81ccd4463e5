/**
 * npm run check:bundle — the JavaScript the sign-in page loads, gzipped, from the build's manifest (dist/web/.vite/manifest.json):
 * the entry chunk, the sign-in page's chunk and every chunk they import statically. Fails above the limit (500 kB).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT_KB = 500;
const root = join(import.meta.dirname, '..', '..', '..', 'dist', 'web');
const manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const login = Object.keys(manifest).find((key) => key.endsWith('src/pages/Login.tsx'));
if (!entry || !login) throw new Error('The manifest names no entry or no sign-in page chunk');

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entry);
visit(login);

let total = 0;
for (const file of files) total += gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
const all = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js')).length;
const kb = total / 1024;
console.log(`Sign-in page: ${files.size} of ${all} JavaScript chunks, ${kb.toFixed(1)} kB gzipped (limit ${LIMIT_KB} kB)`);
if (kb >= LIMIT_KB) {
  console.error(`The sign-in page loads ${kb.toFixed(1)} kB of JavaScript gzipped, over ${LIMIT_KB} kB`);
  process.exit(1);
}
