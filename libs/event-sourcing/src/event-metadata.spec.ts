import { describe, expect, it } from '@jest/globals';
import { asDomainEventMetadata } from './event-metadata.js';
import { chainEvents } from './hash-chain.js';

const [written] = chainEvents(null, [
  {
    id: 'e-0',
    type: 'EntryRecorded',
    data: {},
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      actor: 'officer-7',
      occurredAt: '2024-03-05',
      recordedAt: '2024-03-06T10:00:00.000Z',
      schemaVersion: 1,
    },
  },
]);

describe('asDomainEventMetadata', () => {
  it('reads back the metadata the kit writes', () => {
    expect(asDomainEventMetadata({ ...written!.metadata })).toEqual(written!.metadata);
  });

  it('refuses metadata written without an actor', () => {
    const { actor: _actor, ...withoutActor } = written!.metadata;

    expect(asDomainEventMetadata(withoutActor)).toBeUndefined();
  });

  it('refuses metadata whose previous hash is neither null nor text', () => {
    expect(asDomainEventMetadata({ ...written!.metadata, prevHash: 0 })).toBeUndefined();
  });
});
