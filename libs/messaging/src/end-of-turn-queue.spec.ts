import { describe, expect, it } from '@jest/globals';
import { EndOfTurnQueue } from './end-of-turn-queue.js';

describe('EndOfTurnQueue', () => {
  it('runs nothing during the turn, then everything of the turn in the order it was asked for', async () => {
    const queue = new EndOfTurnQueue();
    const ran: string[] = [];
    const outcomes = ['a', 'b', 'c'].map((name) =>
      queue.run(async () => {
        ran.push(name);
        return name.toUpperCase();
      }),
    );
    await Promise.resolve();
    expect(ran).toEqual([]);
    expect(await Promise.all(outcomes)).toEqual(['A', 'B', 'C']);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('runs what is asked for in one task together, before what the next turn asks for', async () => {
    const queue = new EndOfTurnQueue();
    const ran: string[] = [];
    const first = queue.run(async () => ran.push('first'));
    const second = new Promise<void>((resolve) => setImmediate(() => void queue.run(async () => ran.push('second')).then(() => resolve())));
    const sameTurn = queue.run(async () => ran.push('same turn'));
    await Promise.all([first, second, sameTurn]);
    expect(ran).toEqual(['first', 'same turn', 'second']);
  });

  it('gives each its own outcome: a rejection or a throw fails that one only', async () => {
    const queue = new EndOfTurnQueue();
    const rejected = queue.run(() => Promise.reject(new Error('refused')));
    const thrown = queue.run((): Promise<never> => {
      throw new Error('thrown');
    });
    const fine = queue.run(async () => 'fine');
    await expect(rejected).rejects.toThrow('refused');
    await expect(thrown).rejects.toThrow('thrown');
    await expect(fine).resolves.toBe('fine');
  });
});
