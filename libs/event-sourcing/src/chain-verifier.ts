import { computeEventHash, type HashableEvent } from './hash-chain.js';

/** A stored event as the verifier needs it: what the hash covers, and its place in the stream. */
export interface VerifiableEvent extends HashableEvent {
  readonly revision: number;
}

/**
 * Why the chain is broken at a revision:
 * - `missing-event`: the revision is absent from the stream (an event was removed);
 * - `out-of-order`: the revision appears again or before its predecessor;
 * - `missing-hash`: the event carries no well-formed `hash` or `prevHash`;
 * - `hash-mismatch`: the event's content (data or metadata) no longer matches its hash;
 * - `prev-hash-mismatch`: the event does not point at the hash of the event before it.
 */
export type ChainBreakReason = 'missing-event' | 'out-of-order' | 'missing-hash' | 'hash-mismatch' | 'prev-hash-mismatch';

export type ChainVerification =
  | { readonly intact: true; readonly eventCount: number; readonly lastHash: string | null }
  | { readonly intact: false; readonly brokenAtRevision: number; readonly reason: ChainBreakReason };

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Checks a whole stream, read forwards from revision 0, and names the first revision at which
 * it stops being provable. An intact result's `lastHash` can be published or compared with a
 * copy kept elsewhere: that is what detects removal of the newest events, or a chain rewritten
 * from the tampered event onwards.
 */
export function verifyChain(events: readonly VerifiableEvent[]): ChainVerification {
  let expectedRevision = 0;
  let previousHash: string | null = null;
  for (const event of events) {
    const brokenBy = (reason: ChainBreakReason, revision = event.revision): ChainVerification => ({
      intact: false,
      brokenAtRevision: revision,
      reason,
    });
    if (event.revision > expectedRevision) return brokenBy('missing-event', expectedRevision);
    if (event.revision < expectedRevision) return brokenBy('out-of-order');
    const { hash, prevHash } = event.metadata;
    if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) return brokenBy('missing-hash');
    if (prevHash !== null && typeof prevHash !== 'string') return brokenBy('missing-hash');
    if (computeEventHash(event) !== hash) return brokenBy('hash-mismatch');
    if (prevHash !== previousHash) return brokenBy('prev-hash-mismatch');
    previousHash = hash;
    expectedRevision += 1;
  }
  return { intact: true, eventCount: events.length, lastHash: previousHash };
}
