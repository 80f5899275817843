import { describe, expect, it } from '@jest/globals';
import { InFlightWork } from './in-flight-work.js';

describe('InFlightWork', () => {
  it('is idle at once when nothing runs', async () => {
    await expect(new InFlightWork().whenIdle(0)).resolves.toBe(true);
  });

  it('counts work while it runs and passes its result through', async () => {
    const work = new InFlightWork();
    let release!: (value: string) => void;
    const running = work.run(() => new Promise<string>((resolve) => (release = resolve)));
    expect(work.count).toBe(1);
    release('appended');
    await expect(running).resolves.toBe('appended');
    expect(work.count).toBe(0);
  });

  it('stops counting work that failed', async () => {
    const work = new InFlightWork();
    await expect(work.run(() => Promise.reject(new Error('append failed')))).rejects.toThrow('append failed');
    expect(work.count).toBe(0);
  });

  it('wakes a waiter when the last piece of work ends', async () => {
    const work = new InFlightWork();
    const first = work.begin();
    const second = work.begin();
    const idle = work.whenIdle(5_000);
    first();
    second();
    await expect(idle).resolves.toBe(true);
  });

  it('ignores a second end of the same piece of work', () => {
    const work = new InFlightWork();
    const done = work.begin();
    work.begin();
    done();
    done();
    expect(work.count).toBe(1);
  });

  it('gives up waiting after the timeout', async () => {
    const work = new InFlightWork();
    work.begin();
    await expect(work.whenIdle(20)).resolves.toBe(false);
  });
});
