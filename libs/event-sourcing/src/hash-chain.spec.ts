import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
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

const unchained = [
  { id: 'e-0', type: 'EntryRecorded', data: { number: 1, text: 'patrol ambushed' }, metadata },
  { id: 'e-1', type: 'EntryRecorded', data: { number: 2, text: 'case referred' }, metadata },
];

describe('the per-stream hash chain', () => {
  it('starts a new stream with a null prevHash and links each event to the one before it', () => {
    const [first, second] = chainEvents(null, unchained);

    expect(first!.metadata.prevHash).toBeNull();
    expect(second!.metadata.prevHash).toBe(first!.metadata.hash);
    expect(first!.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('continues from the hash of the stream’s last stored event', () => {
    const lastStoredHash = 'a'.repeat(64);

    const [first] = chainEvents(lastStoredHash, unchained);

    expect(first!.metadata.prevHash).toBe(lastStoredHash);
  });

  it('hashes the previous hash followed by the RFC 8785 canonical JSON of the event without its hash', () => {
    const prevHash = 'b'.repeat(64);
    const event = {
      id: 'e-9',
      type: 'EntryRecorded',
      data: { text: 'ß', number: 1.5e3 },
      metadata: { schemaVersion: 1, prevHash, actor: 'x' },
    };
    // Keys sorted, no whitespace, numbers in their shortest form, non-ASCII left as is.
    const canonical =
      '{"data":{"number":1500,"text":"ß"},"id":"e-9",' +
      `"metadata":{"actor":"x","prevHash":"${prevHash}","schemaVersion":1},"type":"EntryRecorded"}`;
    const expected = createHash('sha256').update(prevHash + canonical, 'utf8').digest('hex');

    expect(computeEventHash(event)).toBe(expected);
    expect(computeEventHash({ ...event, metadata: { ...event.metadata, hash: 'ignored' } })).toBe(expected);
  });

  it('gives the same hash whatever order the stored keys come back in', () => {
    const [sealed] = chainEvents(null, unchained);
    const reordered = {
      metadata: Object.fromEntries(Object.entries(sealed!.metadata).reverse()),
      data: { text: 'patrol ambushed', number: 1 },
      type: sealed!.type,
      id: sealed!.id,
    };

    expect(computeEventHash(reordered)).toBe(sealed!.metadata.hash);
  });
});
