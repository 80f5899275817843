import { describe, expect, it } from '@jest/globals';
import { MemoryEventStore, type RecordedEvent } from '@bluehelm/event-store';
import { verifyChain } from './chain-verifier.js';
import type { UnchainedEventMetadata } from './event-metadata.js';
import { chainEvents, computeEventHash } from './hash-chain.js';

const metadata: UnchainedEventMetadata = {
  correlationId: 'corr-1',
  causationId: 'corr-1',
  actor: 'officer-7',
  occurredAt: '2024-03-05',
  recordedAt: '2024-03-06T10:00:00.000Z',
  schemaVersion: 1,
};

const entry = (number: number) => ({
  id: `entry-${number}`,
  type: 'EntryRecorded',
  data: { number, text: `entry ${number}` },
  metadata,
});

/** A five-event stream written and read back through a store, as an auditor would get it. */
async function storedStream(): Promise<RecordedEvent[]> {
  const store = new MemoryEventStore();
  const events = chainEvents(null, [0, 1, 2, 3, 4].map(entry));
  await store.appendToStream('logbook-1', events, { expectedRevision: 'no-stream' });
  return store.readStream('logbook-1');
}

function replaceAt(events: RecordedEvent[], revision: number, change: (event: RecordedEvent) => RecordedEvent) {
  return events.map((event) => (event.revision === revision ? change(event) : event));
}

function rehashed(event: RecordedEvent): RecordedEvent {
  return { ...event, metadata: { ...event.metadata, hash: computeEventHash(event) } };
}

describe('verifyChain', () => {
  it('finds an untouched stream intact and reports its last hash', async () => {
    const events = await storedStream();

    expect(verifyChain(events)).toEqual({ intact: true, eventCount: 5, lastHash: events[4]!.metadata['hash'] });
  });

  it('finds an empty stream intact with no last hash', () => {
    expect(verifyChain([])).toEqual({ intact: true, eventCount: 0, lastHash: null });
  });

  it('names the revision whose data was altered', async () => {
    const tampered = replaceAt(await storedStream(), 2, (event) => ({ ...event, data: { number: 2, text: 'nothing happened' } }));

    expect(verifyChain(tampered)).toEqual({ intact: false, brokenAtRevision: 2, reason: 'hash-mismatch' });
  });

  it('names the revision whose metadata was altered', async () => {
    const tampered = replaceAt(await storedStream(), 1, (event) => ({
      ...event,
      metadata: { ...event.metadata, occurredAt: '2024-01-01' },
    }));

    expect(verifyChain(tampered)).toEqual({ intact: false, brokenAtRevision: 1, reason: 'hash-mismatch' });
  });

  it('names the next revision when an altered event was given a fresh hash', async () => {
    const tampered = replaceAt(await storedStream(), 1, (event) => rehashed({ ...event, data: { number: 1, text: 'edited' } }));

    expect(verifyChain(tampered)).toEqual({ intact: false, brokenAtRevision: 2, reason: 'prev-hash-mismatch' });
  });

  it('names the revision that points at the wrong previous hash', async () => {
    const stream = await storedStream();
    const [relinked] = chainEvents('f'.repeat(64), [entry(3)]);
    const tampered = replaceAt(stream, 3, (event) => ({ ...event, metadata: relinked!.metadata }));

    expect(verifyChain(tampered)).toEqual({ intact: false, brokenAtRevision: 3, reason: 'prev-hash-mismatch' });
  });

  it('refuses a first event that claims a predecessor', async () => {
    const [anchoredElsewhere] = chainEvents('f'.repeat(64), [entry(0)]);
    const tampered = replaceAt(await storedStream(), 0, (event) => ({ ...event, metadata: anchoredElsewhere!.metadata }));

    expect(verifyChain(tampered)).toEqual({ intact: false, brokenAtRevision: 0, reason: 'prev-hash-mismatch' });
  });

  it('names the revision of a removed event', async () => {
    const tampered = (await storedStream()).filter((event) => event.revision !== 2);

    expect(verifyChain(tampered)).toEqual({ intact: false, brokenAtRevision: 2, reason: 'missing-event' });
  });

  it('names revision 0 when the first event was removed', async () => {
    const tampered = (await storedStream()).slice(1);

    expect(verifyChain(tampered)).toEqual({ intact: false, brokenAtRevision: 0, reason: 'missing-event' });
  });

  it('names a revision that appears twice', async () => {
    const stream = await storedStream();
    const tampered = [...stream.slice(0, 3), stream[2]!, ...stream.slice(3)];

    expect(verifyChain(tampered)).toEqual({ intact: false, brokenAtRevision: 2, reason: 'out-of-order' });
  });

  it('names the revision whose hash is missing', async () => {
    const tampered = replaceAt(await storedStream(), 3, (event) => {
      const { hash: _removed, ...withoutHash } = event.metadata;
      return { ...event, metadata: withoutHash };
    });

    expect(verifyChain(tampered)).toEqual({ intact: false, brokenAtRevision: 3, reason: 'missing-hash' });
  });

  it('names only the first of several breaks', async () => {
    let tampered = replaceAt(await storedStream(), 3, (event) => ({ ...event, data: { number: 3, text: 'later edit' } }));
    tampered = replaceAt(tampered, 1, (event) => ({ ...event, type: 'EntryRetracted' }));

    expect(verifyChain(tampered)).toEqual({ intact: false, brokenAtRevision: 1, reason: 'hash-mismatch' });
  });
});
