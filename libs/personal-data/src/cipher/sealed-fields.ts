import { isSealedValue } from '../sealed-value.js';
import { findInJson } from './json-tree.js';

/** Whether any sealed value sits anywhere in `value` (plain objects and arrays are walked). */
export function holdsSealedValues(value: unknown): boolean {
  return findInJson(value, isSealedValue).length > 0;
}
