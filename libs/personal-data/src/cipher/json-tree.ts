/** Where a node sits in a JSON value: object keys and array indexes from the root. */
export type JsonPath = readonly (string | number)[];

/** What a replacer answers for a node: a replacement, or KEEP to leave it (and walk into it). */
export const KEEP: unique symbol = Symbol('keep');

export type JsonReplacer = (node: unknown, path: JsonPath) => unknown;

/**
 * A copy of `value` in which every node the replacer answers for is replaced (and not walked
 * into); plain objects and arrays are walked, everything else is a leaf. Nothing the replacer
 * leaves alone is copied needlessly: a subtree without replacements is returned as it was.
 */
export function replaceInJson(value: unknown, replace: JsonReplacer, path: JsonPath = []): unknown {
  const replacement = replace(value, path);
  if (replacement !== KEEP) return replacement;
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item, index) => {
      const next = replaceInJson(item, replace, [...path, index]);
      changed ||= next !== item;
      return next;
    });
    return changed ? items : value;
  }
  if (isPlainObject(value)) {
    let changed = false;
    const entries = Object.entries(value).map(([key, field]) => {
      const next = replaceInJson(field, replace, [...path, key]);
      changed ||= next !== field;
      return [key, next] as const;
    });
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
}

/** Every node `matches` accepts, in document order (matched nodes are not walked into). */
export function findInJson<T>(value: unknown, matches: (node: unknown, path: JsonPath) => node is T): T[] {
  const found: T[] = [];
  replaceInJson(value, (node, path) => {
    if (!matches(node, path)) return KEEP;
    found.push(node);
    return node;
  });
  return found;
}

/**
 * An object literal, parsed JSON or a structured clone, from any realm: its prototype is some
 * realm's Object.prototype (whose own prototype is null), or none. Class instances are leaves.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
