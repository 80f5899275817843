// Reads a text/event-stream answer over node:http, event by event, and can hang up at any time.
import { request, type ClientRequest, type IncomingMessage } from 'node:http';

export interface ReceivedEvent {
  readonly id: string | undefined;
  readonly event: string | undefined;
  readonly data: string;
}

export class EventStreamClient {
  readonly events: ReceivedEvent[] = [];
  readonly comments: string[] = [];
  private buffer = '';
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly clientRequest: ClientRequest,
    readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.read(chunk));
    response.on('error', () => undefined);
  }

  /** Opens the stream with `headers` (the caller's Authorization); resolves once the answer's headers are in. */
  static open(url: string, headers: Record<string, string> = {}): Promise<EventStreamClient> {
    return new Promise((resolve, reject) => {
      const clientRequest = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) =>
        resolve(new EventStreamClient(clientRequest, response)),
      );
      clientRequest.on('error', reject);
      clientRequest.end();
    });
  }

  /** Resolves once `count` events have arrived, or rejects after `timeoutMs`. */
  async untilEvents(count: number, timeoutMs = 5_000): Promise<ReceivedEvent[]> {
    await this.until(() => this.events.length >= count, timeoutMs, `${count} events (got ${this.events.length})`);
    return this.events.slice(0, count);
  }

  async untilComment(text: string, timeoutMs = 5_000): Promise<void> {
    await this.until(() => this.comments.includes(text), timeoutMs, `the comment "${text}"`);
  }

  /** Hangs up, as a browser tab that is closed. */
  close(): void {
    this.clientRequest.destroy();
  }

  private async until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the stream did not bring ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parse(block);
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private parse(block: string): void {
    const fields: Record<string, string> = {};
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const name = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'data') data.push(value);
      else fields[name] = value;
    }
    if (data.length > 0) this.events.push({ id: fields['id'], event: fields['event'], data: data.join('\n') });
  }
}
