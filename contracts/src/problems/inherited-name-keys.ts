import type { ProblemFieldError } from './problem.js';

/**
 * class-transformer skips a key whose name is a member of Object.prototype (`constructor`,
 * `toString`, `__proto__`...), so validation never sees it and such an unknown field would be
 * dropped silently. No request field has such a name: each one found is reported as unknown.
 */
const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function inheritedNameKeyErrorsOf(body: unknown): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  // Iterative, so that a deeply nested body cannot overflow the stack.
  const pending: { readonly value: unknown; readonly path: string }[] = [{ value: body, path: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: `${path}[${index}]` }));
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        const keyPath = path === '' ? key : `${path}.${key}`;
        if (INHERITED_NAMES.has(key)) errors.push({ path: keyPath, message: `property ${key} should not exist` });
        else pending.push({ value: (value as Record<string, unknown>)[key], path: keyPath });
      }
    }
  }
  return errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
