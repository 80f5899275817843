import canonicalize from 'canonicalize';
import { hash as oneShotHash } from 'node:crypto';
import type { DomainEvent } from './decider.js';
import type { DomainEventMetadata, UnchainedEventMetadata } from './event-metadata.js';

/** The parts of an event the hash covers; `metadata.hash` itself is left out when hashing. */
export interface HashableEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A domain event with its id and the metadata the command handler gives it. */
export type UnchainedEvent<Event extends DomainEvent = DomainEvent> = Event & {
  readonly id: string;
  readonly metadata: UnchainedEventMetadata;
};

/** A domain event ready to append: its metadata links it to the event before it. */
export type ChainedEvent<Event extends DomainEvent = DomainEvent> = Event & {
  readonly id: string;
  readonly metadata: DomainEventMetadata;
};

/**
 * SHA-256 (hex) over `(metadata.prevHash ?? '')` followed by the RFC 8785 canonical JSON of
 * `{ id, type, data, metadata }` with `metadata.hash` removed. Canonical JSON makes the hash
 * independent of key order and number formatting, which differ between storage engines.
 */
export function computeEventHash(event: HashableEvent): string {
  const { hash: _ownHash, ...metadataWithoutHash } = event.metadata;
  const prevHash = typeof metadataWithoutHash['prevHash'] === 'string' ? metadataWithoutHash['prevHash'] : '';
  const canonical = canonicalize({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: metadataWithoutHash,
  });
  return oneShotHash('sha256', prevHash + canonical, 'hex');
}

/**
 * Links new events to the end of a stream's chain: the first gets `previousHash` (the hash of
 * the stream's last stored event, null for a new stream), each next one its predecessor's hash.
 */
export function chainEvents<Event extends DomainEvent>(
  previousHash: string | null,
  events: readonly UnchainedEvent<Event>[],
): ChainedEvent<Event>[] {
  const chained: ChainedEvent<Event>[] = [];
  let prevHash = previousHash;
  for (const event of events) {
    const linked = { ...event.metadata, prevHash };
    const hash = computeEventHash({ id: event.id, type: event.type, data: event.data, metadata: linked });
    chained.push({ ...event, metadata: { ...linked, hash } });
    prevHash = hash;
  }
  return chained;
}
