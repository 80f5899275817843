/**
 * The key of the lease a led relay holds in the lease bucket: `relay-<category>`, several
 * categories sorted and joined by `_`. Every replica of a service derives the same key, and the
 * NATS permissions let a service write only its own relays' keys.
 */
export function relayLeaseKey(categories: readonly string[]): string {
  return `relay-${[...categories].sort().join('_')}`;
}
