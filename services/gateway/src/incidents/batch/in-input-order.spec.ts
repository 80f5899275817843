import { describe, expect, it } from '@jest/globals';
import { inInputOrder } from './in-input-order.js';

describe('inInputOrder', () => {
  it('yields results in the order of the items whatever order they finish in, with at most `limit` running', async () => {
    let running = 0;
    let mostRunning = 0;
    async function* items(): AsyncGenerator<number> {
      for (let item = 0; item < 40; item += 1) yield item;
    }
    const work = async (item: number) => {
      running += 1;
      mostRunning = Math.max(mostRunning, running);
      await new Promise((resolve) => setTimeout(resolve, (item * 7) % 5));
      running -= 1;
      return item * 10;
    };
    const results: number[] = [];
    for await (const result of inInputOrder(items(), work, 4)) results.push(result);
    expect(results).toEqual(Array.from({ length: 40 }, (_, item) => item * 10));
    expect(mostRunning).toBe(4);
  });

  it('reads no further ahead of the slowest item than the limit', async () => {
    let read = 0;
    async function* items(): AsyncGenerator<number> {
      for (let item = 0; item < 100; item += 1) {
        read += 1;
        yield item;
      }
    }
    let releaseFirst: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (releaseFirst = resolve));
    const results = inInputOrder(items(), async (item) => (item === 0 ? first.then(() => item) : item), 8);
    const next = results.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read).toBe(8);
    releaseFirst();
    expect((await next).value).toBe(0);
  });
});
