import { describe, expect, it } from '@jest/globals';
import { MemoryEventStore } from '../memory/memory-event-store.js';
import { checkpointStreamOf } from './kurrentdb-event-filter.mapping.js';
import { KurrentDbCheckpointStore } from './kurrentdb-checkpoint-store.js';

describe('kurrentdb checkpoint store (over any store with the port semantics)', () => {
  it('loads nothing for a subscriber that never saved', async () => {
    const checkpoints = new KurrentDbCheckpointStore(new MemoryEventStore());
    expect(await checkpoints.load('relay-case')).toBeUndefined();
  });

  it('loads the last position saved', async () => {
    const checkpoints = new KurrentDbCheckpointStore(new MemoryEventStore());
    await checkpoints.save('relay-case', 10);
    await checkpoints.save('relay-case', 25);
    await checkpoints.save('relay-incident', 7);
    expect(await checkpoints.load('relay-case')).toBe(25);
    expect(await checkpoints.load('relay-incident')).toBe(7);
  });

  it('keeps only the latest checkpoint event readable, setting the metadata once', async () => {
    const store = new MemoryEventStore();
    const checkpoints = new KurrentDbCheckpointStore(store);
    for (const position of [1, 2, 3]) await checkpoints.save('analytics', position);
    const stream = checkpointStreamOf('analytics');
    expect(await store.getStreamMetadata(stream)).toEqual({ metadata: { maxCount: 1 }, metadataRevision: 0 });
    expect((await store.readStream(stream)).map((event) => event.data)).toEqual([{ position: 3 }]);
  });

  it('finds the metadata already set after a restart and does not write it again', async () => {
    const store = new MemoryEventStore();
    await new KurrentDbCheckpointStore(store).save('analytics', 1);
    await new KurrentDbCheckpointStore(store).save('analytics', 2);
    expect((await store.getStreamMetadata(checkpointStreamOf('analytics')))?.metadataRevision).toBe(0);
  });
});
