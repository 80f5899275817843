import { describe, expect, it } from '@jest/globals';
import { WorkSources } from './work-sources.js';

describe('WorkSources', () => {
  it('stops every registered source once', async () => {
    const sources = new WorkSources();
    const stopped: string[] = [];
    sources.register({ name: 'reports', stopTakingWork: async () => void stopped.push('reports') });
    sources.register({ name: 'consumer', stopTakingWork: async () => void stopped.push('consumer') });
    await sources.stopTakingWork();
    await sources.stopTakingWork();
    expect(stopped.sort()).toEqual(['consumer', 'reports']);
  });

  it('stops the other sources when one fails, and names the one that failed', async () => {
    const sources = new WorkSources();
    let consumerStopped = false;
    sources.register({ name: 'reports', stopTakingWork: () => Promise.reject(new Error('connection closed')) });
    sources.register({ name: 'consumer', stopTakingWork: async () => void (consumerStopped = true) });
    const failures = await sources.stopTakingWork();
    expect(consumerStopped).toBe(true);
    expect(failures).toEqual([{ name: 'reports', error: new Error('connection closed') }]);
  });
});
