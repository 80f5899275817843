import { describe, expect, it } from '@jest/globals';
import type { CheckpointStore } from '@bluehelm/event-store';
import { RelayCheckpointWriter } from './relay-checkpoint.writer.js';

function recordingStore(): CheckpointStore & { saves: number[] } {
  const saves: number[] = [];
  return {
    saves,
    load: async () => saves.at(-1),
    save: async (_name, position) => {
      saves.push(position);
    },
  };
}

describe('relay checkpoint writer', () => {
  it('saves after every N acknowledged events, not before', async () => {
    const store = recordingStore();
    const writer = new RelayCheckpointWriter(store, 'relay', undefined, { everyEvents: 3, everyMs: 60_000 }, () => {});
    for (const position of [4, 7, 9, 12, 15]) await writer.acknowledged(position);
    expect(store.saves).toEqual([9]);
    expect(writer.savedPosition).toBe(9);
    await writer.close();
    expect(store.saves).toEqual([9, 15]);
  });

  it('saves a pending position once the interval has passed with no more events', async () => {
    const store = recordingStore();
    const writer = new RelayCheckpointWriter(store, 'relay', undefined, { everyEvents: 100, everyMs: 30 }, () => {});
    await writer.acknowledged(5);
    expect(store.saves).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(store.saves).toEqual([5]);
    await writer.close();
  });

  it('never writes a position at or below the one already saved', async () => {
    const store = recordingStore();
    const writer = new RelayCheckpointWriter(store, 'relay', 20, { everyEvents: 1, everyMs: 60_000 }, () => {});
    await writer.acknowledged(20);
    await writer.close();
    expect(store.saves).toEqual([]);
  });

  it('reports a failed save and writes the position on the next save', async () => {
    const saves: number[] = [];
    let failNext = true;
    const failures: unknown[] = [];
    const store: CheckpointStore = {
      load: async () => undefined,
      save: async (_name, position) => {
        if (failNext) {
          failNext = false;
          throw new Error('database is locked');
        }
        saves.push(position);
      },
    };
    const writer = new RelayCheckpointWriter(store, 'relay', undefined, { everyEvents: 1, everyMs: 60_000 }, (error) =>
      failures.push(error),
    );
    await writer.acknowledged(3);
    await writer.acknowledged(4);
    await writer.close();
    expect(failures).toHaveLength(1);
    expect(saves).toEqual([4]);
  });
});
