import type { ValidationError } from 'class-validator';
import type { ProblemFieldError } from './problem.js';

/**
 * Flattens class-validator's error tree into one entry per failing rule, with the path of the
 * field in the request: `location.lat`, `casualties[0].nationality`. Request classes have no
 * field named by digits, so a numeric property is always an array index.
 */
export function fieldErrorsOf(errors: readonly ValidationError[], parentPath = ''): ProblemFieldError[] {
  return errors.flatMap((error) => {
    const path = joinPath(parentPath, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...fieldErrorsOf(error.children ?? [], path)];
  });
}

function joinPath(parentPath: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parentPath}[${property}]`;
  return parentPath === '' ? property : `${parentPath}.${property}`;
}
