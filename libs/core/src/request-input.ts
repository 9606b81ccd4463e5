import type { FieldErrors } from '@app/domain';

/** JSON nested deeper than this is refused before anything walks it recursively. */
export const MAX_INPUT_DEPTH = 32;

/** Keys that reach an object's prototype when copied onto one (prototype pollution); never a field name here. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const NUL = /\0/;
/** In a `u` regular expression a paired surrogate is one code point; only unpaired halves match \p{Cs}. */
const LONE_SURROGATE = /\p{Cs}/u;

/** At most this many problems are reported, however many the input has. */
const MAX_PROBLEMS = 20;

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

/**
 * What no field of a request may hold, checked on the raw input before validation and
 * class-transformer see it: containers nested deeper than MAX_INPUT_DEPTH, the keys `__proto__`,
 * `constructor` and `prototype` at any level, and text (values or keys) with NUL characters or
 * unpaired surrogates, which no text column can store faithfully. Problems are keyed by the
 * field path (`title.since`, `grades.0.grade`); `root` names the input itself (e.g. `body`).
 * Iterative, so any depth is walked without recursion.
 */
export function inputProblems(input: unknown, root: { prefix: string; label: string }): FieldErrors {
  // A Map, then Object.fromEntries: the path may itself be `__proto__`, which plain assignment would not store.
  const problems = new Map<string, string[]>();
  let count = 0;
  const add = (path: string, message: string) => {
    if (count >= MAX_PROBLEMS) return;
    count += 1;
    const key = path || root.label;
    problems.set(key, [...(problems.get(key) ?? []), message]);
  };
  const stack: Pending[] = [{ value: input, path: root.prefix, depth: 0 }];
  while (stack.length > 0 && count < MAX_PROBLEMS) {
    const { value, path, depth } = stack.pop() as Pending;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) add(path, problem);
      continue;
    }
    if (!isContainer(value)) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      add(path, `nests deeper than ${MAX_INPUT_DEPTH} levels`);
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const child = path ? `${path}.${key}` : key;
      if (RESERVED_KEYS.has(key)) {
        add(child, 'is a reserved name, not a field');
      } else if (textProblem(key)) {
        add(path, `has a field name that ${textProblem(key)}`);
      } else {
        stack.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
      }
    }
  }
  return Object.fromEntries(problems);
}

function textProblem(text: string): string | null {
  if (NUL.test(text)) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain unpaired surrogates (not valid Unicode text)';
  return null;
}

/** Arrays and plain objects (JSON, query strings, multipart fields); not buffers or class instances. */
function isContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
