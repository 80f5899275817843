import { describe, expect, it } from '@jest/globals';
import { EventBatcher } from './event-batcher.js';

async function feed(batcher: EventBatcher<number>, pages: number[][], pauseMs: number): Promise<void> {
  for (const page of pages) {
    for (const item of page) {
      if (batcher.add(item)) await batcher.flush();
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  await batcher.flush();
}

describe('the event batcher', () => {
  it('writes items that arrive together as one batch, and what it has when the source pauses', async () => {
    const batches: number[][] = [];
    const batcher = new EventBatcher<number>(100, async (batch) => void batches.push(batch));

    await feed(batcher, [[1, 2, 3], [4], [5, 6]], 5);

    expect(batches).toEqual([[1, 2, 3], [4], [5, 6]]);
  });

  it('never writes a batch larger than the limit, and writes batches in order', async () => {
    const batches: number[][] = [];
    const batcher = new EventBatcher<number>(2, async (batch) => {
      await new Promise((resolve) => setTimeout(resolve, 3 - batch.length));
      batches.push(batch);
    });

    await feed(batcher, [[1, 2, 3, 4, 5]], 0);

    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('reports a failed write once and writes nothing after it', async () => {
    const failures: unknown[] = [];
    const written: number[][] = [];
    const batcher = new EventBatcher<number>(
      1,
      async (batch) => {
        if (batch[0] === 2) throw new Error('disk full');
        written.push(batch);
      },
      (error) => failures.push(error),
    );

    await expect(feed(batcher, [[1, 2, 3]], 0)).rejects.toThrow('disk full');

    expect(written).toEqual([[1]]);
    expect(failures).toHaveLength(1);
    expect(() => batcher.throwIfFailed()).toThrow('disk full');
  });
});
