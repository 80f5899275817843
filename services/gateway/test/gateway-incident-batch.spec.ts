import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { acceptedReply, FakeIntakeReports } from './support/fake-intake-reports.js';
import { startGateway, type GatewayUnderTest } from './support/gateway-under-test.js';
import { reportWithBadNationality, validReport } from './support/incident-reports.js';
import { startPrivateNats } from '../../../scripts/lib/private-nats.mjs';
import { testToken } from '../../../scripts/lib/test-tokens.mjs';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;

const PROGRESS_EVERY = 3;

/** Batches are for reporters; every report of one reaches intake with the caller's token. */
const authorization = `Bearer ${await testToken({ sub: 'mission-system-minusma', roles: ['reporter'] })}`;

/** Intake's answer: a repeat for reportIds that say so, a new report otherwise. */
function intakeAnswer(body: unknown): object {
  const reportId = (body as { reportId: string }).reportId;
  return acceptedReply(body, reportId.includes('again') ? 'already-accepted' : 'accepted');
}

const accepted = (line: number, reportId: string) => ({ line, reportId, status: 'accepted', incidentId: `incident-of-${reportId}`, caseId: null });

describe('POST /v1/incidents/batch', () => {
  let nats: PrivateNats;
  let gateway: GatewayUnderTest;
  let intake: FakeIntakeReports | undefined;

  beforeAll(async () => {
    nats = await startPrivateNats();
    gateway = await startGateway(nats.url, { BATCH_PROGRESS_EVERY: String(PROGRESS_EVERY), NATS_REQUEST_TIMEOUT_MS: '2000' });
  });

  afterEach(async () => {
    await intake?.stop();
    intake = undefined;
  });

  afterAll(async () => {
    await gateway?.stop();
    await nats?.stop();
  });

  const postBatch = (body: string, contentType: string, accept?: string) =>
    fetch(`${gateway.url}/v1/incidents/batch`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization, ...(accept !== undefined && { accept }) },
      body,
    });

  const ndjsonLinesOf = async (response: Response) =>
    (await response.text())
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('answers NDJSON line by line, in input order, with progress and a summary; only valid reports reach intake', async () => {
    intake = await FakeIntakeReports.start(nats.url, intakeAnswer);
    const oversized = JSON.stringify({ ...validReport('B-huge'), narrative: 'x'.repeat(1024 * 1024) });
    const body = [
      JSON.stringify(validReport('B-1')),
      JSON.stringify(reportWithBadNationality('B-2')),
      '{"reportId": "B-3",',
      '',
      JSON.stringify(validReport('B-again')),
      oversized,
      '[1, 2]',
      `${JSON.stringify(validReport('B-8'))}\r`,
    ].join('\n');

    const response = await postBatch(body, 'application/x-ndjson');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = await ndjsonLinesOf(response);
    expect(lines).toEqual([
      accepted(1, 'B-1'),
      {
        line: 2,
        reportId: 'B-2',
        status: 'rejected',
        problem: expect.objectContaining({ status: 422, errors: [expect.objectContaining({ path: 'casualties[0].nationality' })] }),
      },
      { line: 3, status: 'rejected', problem: expect.objectContaining({ status: 400, type: 'https://bluehelm.example/problems/malformed-json' }) },
      { progress: { lines: 3, accepted: 1, alreadyAccepted: 0, rejected: 2 } },
      { line: 5, reportId: 'B-again', status: 'already-accepted', incidentId: 'incident-of-B-again', caseId: null },
      { line: 6, status: 'rejected', problem: expect.objectContaining({ status: 413 }) },
      { line: 7, status: 'rejected', problem: expect.objectContaining({ status: 422, errors: [{ path: '', message: 'the body must be a JSON object' }] }) },
      { progress: { lines: 6, accepted: 1, alreadyAccepted: 1, rejected: 4 } },
      accepted(8, 'B-8'),
      { summary: { lines: 7, accepted: 2, alreadyAccepted: 1, rejected: 4 } },
    ]);
    expect(intake.received.map((received) => (received.body as { reportId: string }).reportId)).toEqual(
      expect.arrayContaining(['B-1', 'B-again', 'B-8']),
    );
    expect(intake.received).toHaveLength(3);
    expect(intake.received.every((received) => received.authorization === authorization)).toBe(true);
  });

  it('reads a JSON array element by element, numbering reports by their place in it', async () => {
    intake = await FakeIntakeReports.start(nats.url, intakeAnswer);
    const body = JSON.stringify([validReport('A-1'), reportWithBadNationality('A-2'), 'not a report', validReport('A-4')]);

    const lines = await ndjsonLinesOf(await postBatch(body, 'application/json'));

    expect(lines).toEqual([
      accepted(1, 'A-1'),
      expect.objectContaining({ line: 2, reportId: 'A-2', status: 'rejected', problem: expect.objectContaining({ status: 422 }) }),
      expect.objectContaining({ line: 3, status: 'rejected', problem: expect.objectContaining({ status: 422 }) }),
      { progress: { lines: 3, accepted: 1, alreadyAccepted: 0, rejected: 2 } },
      accepted(4, 'A-4'),
      { summary: { lines: 4, accepted: 2, alreadyAccepted: 0, rejected: 2 } },
    ]);
    // The reports reach intake as they were sent, nested objects and numbers included.
    expect(intake.received.map((received) => received.body)).toEqual(expect.arrayContaining([validReport('A-1'), validReport('A-4')]));
  });

  it('answers one JSON object { results, summary } to a client that accepts JSON', async () => {
    intake = await FakeIntakeReports.start(nats.url, intakeAnswer);
    const body = JSON.stringify([validReport('J-1'), { reportId: 'J-2' }]);

    const response = await postBatch(body, 'application/json', 'application/json');

    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({
      results: [
        accepted(1, 'J-1'),
        { line: 2, reportId: 'J-2', status: 'rejected', problem: expect.objectContaining({ status: 422 }) },
      ],
      summary: { lines: 2, accepted: 1, alreadyAccepted: 0, rejected: 1 },
    });
  });

  it('rejects every report with 503 while intake is down, and still answers each one', async () => {
    const body = [validReport('D-1'), validReport('D-2')].map((report) => JSON.stringify(report)).join('\n');
    const lines = await ndjsonLinesOf(await postBatch(body, 'application/x-ndjson'));
    expect(lines).toEqual([
      { line: 1, reportId: 'D-1', status: 'rejected', problem: expect.objectContaining({ status: 503 }) },
      { line: 2, reportId: 'D-2', status: 'rejected', problem: expect.objectContaining({ status: 503 }) },
      { summary: { lines: 2, accepted: 0, alreadyAccepted: 0, rejected: 2 } },
    ]);
  });

  it('keeps at most 16 reports waiting for intake, and answers in input order whatever order intake answers in', async () => {
    intake = await FakeIntakeReports.start(nats.url, async (body, index) => {
      await new Promise((resolve) => setTimeout(resolve, ((index * 7) % 11) * 3));
      return intakeAnswer(body);
    });
    const reports = Array.from({ length: 120 }, (_, index) => validReport(`O-${index + 1}`));

    const lines = await ndjsonLinesOf(await postBatch(reports.map((report) => JSON.stringify(report)).join('\n'), 'application/x-ndjson'));

    const results = lines.filter((line) => 'line' in line);
    expect(results.map((result) => result['line'])).toEqual(reports.map((_, index) => index + 1));
    expect(results.every((result, index) => result['reportId'] === `O-${index + 1}` && result['status'] === 'accepted')).toBe(true);
    expect(intake.maxInFlight).toBeLessThanOrEqual(16);
    expect(intake.maxInFlight).toBeGreaterThan(1);
  });

  it('ends with a rejected line where a JSON array stops being JSON, after answering what came before', async () => {
    intake = await FakeIntakeReports.start(nats.url, intakeAnswer);
    const body = `[${JSON.stringify(validReport('M-1'))}, {"reportId": "M-2", }]`;
    const lines = await ndjsonLinesOf(await postBatch(body, 'application/json'));
    expect(lines).toEqual([
      accepted(1, 'M-1'),
      { line: 2, status: 'rejected', problem: expect.objectContaining({ status: 400, type: 'https://bluehelm.example/problems/malformed-json' }) },
      { summary: { lines: 2, accepted: 1, alreadyAccepted: 0, rejected: 1 } },
    ]);
  });

  describe('a batch refused as a whole', () => {
    it('is 415 for a media type that is neither JSON nor NDJSON', async () => {
      intake = await FakeIntakeReports.start(nats.url, intakeAnswer);
      const response = await postBatch('reportId,mission\nX,MINUSMA\n', 'text/csv');
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(intake.received).toHaveLength(0);
    });

    it('is 422 for a JSON body that is not an array', async () => {
      intake = await FakeIntakeReports.start(nats.url, intakeAnswer);
      const response = await postBatch(JSON.stringify(validReport('N-1')), 'application/json');
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ errors: [{ path: '', message: 'the body must be a JSON array of incident reports' }] });
      expect(intake.received).toHaveLength(0);
    });

    it('is 400 for a body that is not JSON from its start', async () => {
      const response = await postBatch('[{"reportId": nope', 'application/json');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ type: 'https://bluehelm.example/problems/malformed-json' });
    });
  });
});
