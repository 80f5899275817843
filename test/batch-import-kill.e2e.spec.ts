import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from '../scripts/lib/test-tokens.mjs';
import { startBluehelm } from '../scripts/lib/bluehelm-system.mjs';
import { allEvents } from './support/event-log.js';
import { maliciousActReport } from './support/incident-reports.js';

type BluehelmSystem = Awaited<ReturnType<typeof startBluehelm>>;

const LINES = 3_000;
const KILL_AFTER_ACCEPTED = 400;

interface LineResult {
  readonly line: number;
  readonly status: string;
  readonly reportId?: string;
  readonly incidentId?: string;
}

/** Posts an NDJSON batch and reads the streamed per-line answer; `onResult` sees each as it arrives. */
async function postBatch(
  baseUrl: string,
  ndjson: string,
  authorization: Record<string, string>,
  onResult: (result: LineResult) => void,
): Promise<LineResult[]> {
  const response = await fetch(`${baseUrl}/v1/incidents/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson', ...authorization },
    body: ndjson,
  });
  expect(response.status).toBe(200);
  const results: LineResult[] = [];
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines.filter((text) => text.trim() !== '')) {
      const parsed = JSON.parse(line);
      if (typeof parsed.line !== 'number') continue; // progress and summary lines
      results.push(parsed);
      onResult(parsed);
    }
  }
  return results;
}

describe('a large batch import survives the loss of intake', () => {
  let system: BluehelmSystem;
  /** A mission system's import token: the least role a batch needs. */
  let reporter: Record<string, string>;
  const reports = Array.from({ length: LINES }, (_, n) =>
    maliciousActReport({ reportId: `batch-kill-${n}`, category: n % 3 === 0 ? 'malicious-act' : 'accident', type: n % 3 === 0 ? 'ambush' : undefined, detectedBeforeDetonation: undefined }),
  );
  const ndjson = reports.map((report) => JSON.stringify(report)).join('\n');

  beforeAll(async () => {
    system = await startBluehelm('sqlite');
    // Every role and clearance: this test is about the flow, access has tests of its own.
    reporter = await bearer({ sub: 'mission-import', roles: ['reporter'] }, { devKeyDir: system.devKeyDir });
  }, 120_000);
  afterAll(async () => system?.stop(), 60_000);

  it('keeps every line reported accepted, and a re-sent batch adds no duplicates', async () => {
    let accepted = 0;
    let killed: Promise<void> | undefined;
    const first = await postBatch(system.baseUrl, ndjson, reporter, (result) => {
      if (result.status === 'accepted' && ++accepted === KILL_AFTER_ACCEPTED) killed = system.kill('intake');
    });
    await killed;
    expect(first).toHaveLength(LINES);
    expect(first.map((result) => result.line)).toEqual(reports.map((_, n) => n + 1));
    const acceptedFirst = first.filter((result) => result.status === 'accepted');
    expect(acceptedFirst.length).toBeGreaterThanOrEqual(KILL_AFTER_ACCEPTED);
    expect(first.some((result) => result.status === 'rejected')).toBe(true);

    const logged = new Set(
      (await allEvents(system.eventStoreUrl)).filter((event) => event.type === 'IncidentReported').map((event) => event.streamName),
    );
    for (const result of acceptedFirst) expect(logged.has(`incident-${result.incidentId}`)).toBe(true);

    await system.restart('intake');
    const second = await postBatch(system.baseUrl, ndjson, reporter, () => undefined);
    expect(second.every((result) => result.status === 'accepted' || result.status === 'already-accepted')).toBe(true);
    const reported = (await allEvents(system.eventStoreUrl)).filter((event) => event.type === 'IncidentReported');
    expect(reported).toHaveLength(LINES);
    expect(new Set(reported.map((event) => event.streamName)).size).toBe(LINES);
  }, 300_000);
});
