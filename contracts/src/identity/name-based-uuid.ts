import { parse, v5 } from 'uuid';

const utf8 = new TextEncoder();

/**
 * Name-based UUIDs (version 5) in one namespace, the same as `v5(name, namespace)`. The namespace
 * is parsed once and the name handed over as UTF-8 bytes: given two strings, the uuid package
 * parses the namespace twice and encodes the name through `encodeURIComponent` on every call,
 * which showed up on every incident report (three ids each).
 */
export function nameBasedUuids(namespace: string): (name: string) => string {
  const namespaceBytes = parse(namespace);
  return (name) => v5(utf8.encode(name), namespaceBytes);
}
