import { request } from 'node:http';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { acceptedReply, FakeIntakeReports } from './support/fake-intake-reports.js';
import { startGateway, type GatewayUnderTest } from './support/gateway-under-test.js';
import { validReport } from './support/incident-reports.js';
import { startPrivateNats } from '../../../scripts/lib/private-nats.mjs';
import { testToken } from '../../../scripts/lib/test-tokens.mjs';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;

const LINES = 20_000;
const authorization = `Bearer ${await testToken({ sub: 'mission-system-minusma', roles: ['reporter'] })}`;
/** Each report carries a long narrative, so that the body is large next to the gateway's memory. */
const NARRATIVE = 'A convoy was attacked on the road north of the camp. '.repeat(60);

function reportLine(index: number): string {
  return `${JSON.stringify({ ...validReport(`BIG-${index}`), narrative: NARRATIVE })}\n`;
}

/** Streams the NDJSON body line by line, as an import from a file would, without building it. */
function* ndjsonBody(): Generator<string> {
  for (let index = 1; index <= LINES; index += 1) yield reportLine(index);
}

interface StreamedImport {
  readonly answerLines: string[];
  /** Answer lines that had arrived when the last body byte was sent. */
  readonly answeredWhileSending: number;
}

function postStreamed(url: string): Promise<StreamedImport> {
  return new Promise((resolve, reject) => {
    const answerLines: string[] = [];
    let pending = '';
    let answeredWhileSending = -1;
    const upload = request(`${url}/v1/incidents/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization } }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        const parts = (pending + text).split('\n');
        pending = parts.pop() ?? '';
        answerLines.push(...parts);
      });
      response.on('end', () => resolve({ answerLines, answeredWhileSending }));
      response.on('error', reject);
    });
    upload.on('error', reject);
    const body = Readable.from(ndjsonBody());
    body.on('end', () => (answeredWhileSending = answerLines.length));
    body.pipe(upload);
  });
}

describe('a 20,000-line NDJSON batch', () => {
  let nats: PrivateNats;
  let gateway: GatewayUnderTest;
  let intake: FakeIntakeReports;

  beforeAll(async () => {
    nats = await startPrivateNats();
    // A tight heap: buffering the body would exhaust it, and the garbage collector keeps the
    // resident size close to what is live, so that the measure below is not GC timing.
    gateway = await startGateway(nats.url, { NODE_OPTIONS: '--max-old-space-size=96 --max-semi-space-size=2' });
    intake = await FakeIntakeReports.start(nats.url, (body) => acceptedReply(body));
  });

  afterAll(async () => {
    await intake?.stop();
    await gateway?.stop();
    await nats?.stop();
  });

  it('is streamed through with memory that does not grow with the body, answering as it goes', async () => {
    const bodyBytes = reportLine(LINES).length * LINES;
    // A small import first, so that what the first one warms up is in the baseline.
    const warmUp = await fetch(`${gateway.url}/v1/incidents/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization },
      body: Array.from({ length: 2_000 }, (_, index) => reportLine(LINES + index + 1)).join(''),
    });
    expect(warmUp.status).toBe(200);
    await warmUp.text();
    const baseline = await gateway.residentMemoryBytes();

    let peak = baseline;
    const sampling = setInterval(() => {
      void gateway.residentMemoryBytes().then((rss) => (peak = Math.max(peak, rss)), () => undefined);
    }, 100);
    let imported: StreamedImport;
    try {
      imported = await postStreamed(gateway.url);
    } finally {
      clearInterval(sampling);
    }
    peak = Math.max(peak, await gateway.residentMemoryBytes());

    const answers = imported.answerLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const results = answers.filter((answer) => 'line' in answer);
    expect(results).toHaveLength(LINES);
    expect(results.every((result, index) => result['line'] === index + 1 && result['status'] === 'accepted')).toBe(true);
    expect(answers.filter((answer) => 'progress' in answer)).toHaveLength(LINES / 1_000);
    expect(answers.at(-1)).toEqual({ summary: { lines: LINES, accepted: LINES, alreadyAccepted: 0, rejected: 0 } });
    // Results came back while the body was still being sent: the import answers as it goes.
    expect(imported.answeredWhileSending).toBeGreaterThan(0);
    expect(imported.answeredWhileSending).toBeLessThan(answers.length);

    const growth = peak - baseline;
    process.stdout.write(`body ${(bodyBytes / 2 ** 20).toFixed(1)} MiB, RSS ${(baseline / 2 ** 20).toFixed(1)} -> peak ${(peak / 2 ** 20).toFixed(1)} MiB\n`);
    expect(growth).toBeLessThan(bodyBytes / 4);
  }, 180_000);
});
