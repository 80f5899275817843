import { describe, expect, it, jest } from '@jest/globals';
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import { PassThrough } from 'node:stream';
import { checkpointStreamOf } from './kurrentdb-event-filter.mapping.js';
import { followAllStream } from './kurrentdb-subscription.js';

/** Stands in for the client's subscription: an object stream the test feeds, which never ends by itself. */
function fakeSubscription() {
  const stream = new PassThrough({ objectMode: true });
  const unsubscribe = jest.fn(async () => undefined);
  Object.assign(stream, { unsubscribe });
  return { source: stream as unknown as AllStreamSubscription, feed: stream, unsubscribe };
}

let nextPosition = 100;
function resolved(streamId: string, type: string): AllStreamResolvedEvent {
  nextPosition += 100;
  return {
    event: {
      streamId,
      id: `id-${nextPosition}`,
      isJson: true,
      revision: 0n,
      type,
      created: new Date('2026-11-02T10:00:00.000Z'),
      data: { n: nextPosition },
      metadata: undefined,
      position: { commit: BigInt(nextPosition), prepare: BigInt(nextPosition) },
    },
  } as AllStreamResolvedEvent;
}

describe('kurrentdb catch-up subscription', () => {
  it('gives the port events that pass the filter, skipping system and checkpoint events', async () => {
    const { source, feed } = fakeSubscription();
    const subscription = followAllStream(source, { streamPrefixes: ['case-'] }, () => undefined);
    feed.write(resolved('$$case-1', '$metadata'));
    feed.write(resolved(checkpointStreamOf('relay'), 'CheckpointSaved'));
    feed.write(resolved('incident-1', 'IncidentReported'));
    feed.write(resolved('case-1', 'CaseOpened'));
    feed.write(resolved('case-1', 'CaseClosed'));
    const iterator = subscription[Symbol.asyncIterator]();
    const first = await iterator.next();
    const second = await iterator.next();
    expect([first.value?.type, second.value?.type]).toEqual(['CaseOpened', 'CaseClosed']);
    expect(first.value?.position).toBeLessThan(second.value?.position as number);
    await subscription.close();
  });

  it('ends a waiting iteration when closed, although the cancelled call never ends its stream', async () => {
    const { source, unsubscribe } = fakeSubscription();
    const onClose = jest.fn();
    const subscription = followAllStream(source, undefined, onClose);
    const waiting = subscription[Symbol.asyncIterator]().next();
    await subscription.close();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes when a for-await loop over it stops early', async () => {
    const { source, feed, unsubscribe } = fakeSubscription();
    const subscription = followAllStream(source, undefined, () => undefined);
    feed.write(resolved('case-2', 'CaseOpened'));
    for await (const event of subscription) {
      expect(event.streamName).toBe('case-2');
      break;
    }
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('fails the iteration when the server stream fails', async () => {
    const { source, feed } = fakeSubscription();
    const subscription = followAllStream(source, undefined, () => undefined);
    feed.destroy(new Error('server went away'));
    await expect(subscription[Symbol.asyncIterator]().next()).rejects.toThrow('server went away');
  });
});
