import type { ServerResponse } from 'node:http';
import type { IncidentBatchLineResult } from '@bluehelm/contracts';
import type { BatchCounts } from './batch-tally.js';

export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

/** The client went away while the batch was being answered. */
export class ClientGoneError extends Error {
  override readonly name = 'ClientGoneError';
  constructor() {
    super('the client closed the connection before the batch was answered');
  }
}

/**
 * The answer to a batch, written as the results come: its status (200) and headers go out with
 * `begin`, so whatever fails before that can still be a problem answer. Every write waits for
 * the client to take the previous ones (backpressure up to the request stream).
 */
export interface BatchAnswer {
  begin(): void;
  result(result: IncidentBatchLineResult): Promise<void>;
  progress(counts: BatchCounts): Promise<void>;
  finish(counts: BatchCounts): Promise<void>;
}

/** NDJSON by default; one JSON object when the client accepts JSON and not NDJSON. */
export function batchAnswerFor(accept: string | undefined, response: ServerResponse): BatchAnswer {
  const accepted = (accept ?? '').toLowerCase();
  const wantsJson = accepted.includes('application/json') && !accepted.includes(NDJSON_MEDIA_TYPE);
  return wantsJson ? new JsonBatchAnswer(response) : new NdjsonBatchAnswer(response);
}

/** One line per result, a `{"progress":...}` line now and then, a `{"summary":...}` line last. */
class NdjsonBatchAnswer implements BatchAnswer {
  constructor(private readonly response: ServerResponse) {}

  begin(): void {
    beginStream(this.response, NDJSON_MEDIA_TYPE);
  }

  result(result: IncidentBatchLineResult): Promise<void> {
    return write(this.response, `${JSON.stringify(result)}\n`);
  }

  progress(counts: BatchCounts): Promise<void> {
    return write(this.response, `${JSON.stringify({ progress: counts })}\n`);
  }

  async finish(counts: BatchCounts): Promise<void> {
    await write(this.response, `${JSON.stringify({ summary: counts })}\n`);
    this.response.end();
  }
}

/** `{ "results": [...], "summary": {...} }`, written piece by piece all the same. */
class JsonBatchAnswer implements BatchAnswer {
  private separator = '';

  constructor(private readonly response: ServerResponse) {}

  begin(): void {
    beginStream(this.response, 'application/json');
  }

  async result(result: IncidentBatchLineResult): Promise<void> {
    const opening = this.separator === '' ? '{"results":[' : this.separator;
    this.separator = ',';
    await write(this.response, `${opening}${JSON.stringify(result)}`);
  }

  progress(): Promise<void> {
    return Promise.resolve();
  }

  async finish(counts: BatchCounts): Promise<void> {
    const opening = this.separator === '' ? '{"results":[' : '';
    await write(this.response, `${opening}],"summary":${JSON.stringify(counts)}}`);
    this.response.end();
  }
}

function beginStream(response: ServerResponse, mediaType: string): void {
  response.statusCode = 200;
  response.setHeader('Content-Type', `${mediaType}; charset=utf-8`);
  response.setHeader('Cache-Control', 'no-store');
  // Sent at once, so that a client sees the import has started before the first result.
  response.flushHeaders();
}

async function write(response: ServerResponse, text: string): Promise<void> {
  if (response.destroyed || response.writableEnded) throw new ClientGoneError();
  if (response.write(text)) return;
  await new Promise<void>((resolve) => {
    const settle = () => {
      response.off('drain', settle);
      response.off('close', settle);
      resolve();
    };
    response.on('drain', settle);
    response.on('close', settle);
  });
  if (response.destroyed) throw new ClientGoneError();
}
