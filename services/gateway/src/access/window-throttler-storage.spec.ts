import { describe, expect, it } from '@jest/globals';
import { WindowThrottlerStorage } from './window-throttler-storage.js';

const MINUTE = 60_000;

describe('WindowThrottlerStorage', () => {
  it('counts a caller’s requests in its window and blocks the one past the limit for the block duration', async () => {
    const storage = new WindowThrottlerStorage();
    const counts = [];
    for (let request = 0; request < 3; request += 1) counts.push(await storage.increment('default:sub:a', MINUTE, 3, MINUTE, 'default'));
    expect(counts.map((count) => [count.totalHits, count.isBlocked])).toEqual([[1, false], [2, false], [3, false]]);
    expect(counts[2]?.timeToExpire).toBeGreaterThan(0);
    expect(counts[2]?.timeToExpire).toBeLessThanOrEqual(60);

    const refused = await storage.increment('default:sub:a', MINUTE, 3, MINUTE, 'default');
    expect(refused).toMatchObject({ totalHits: 4, isBlocked: true });
    expect(refused.timeToBlockExpire).toBeGreaterThan(55);
    expect(refused.timeToBlockExpire).toBeLessThanOrEqual(60);
  });

  it('keeps one count per key and per budget', async () => {
    const storage = new WindowThrottlerStorage();
    await storage.increment('default:sub:a', MINUTE, 1, MINUTE, 'default');
    expect((await storage.increment('default:sub:a', MINUTE, 1, MINUTE, 'default')).isBlocked).toBe(true);
    expect((await storage.increment('default:sub:b', MINUTE, 1, MINUTE, 'default')).isBlocked).toBe(false);
    expect((await storage.increment('failed-authentication:10.0.0.1', MINUTE, 1, MINUTE, 'failed-authentication')).totalHits).toBe(1);
  });

  it('opens a new window once the last one is over', async () => {
    const storage = new WindowThrottlerStorage();
    await storage.increment('default:sub:a', 200, 1, 200, 'default');
    expect((await storage.increment('default:sub:a', 200, 1, 200, 'default')).isBlocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await storage.increment('default:sub:a', 200, 1, 200, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});
