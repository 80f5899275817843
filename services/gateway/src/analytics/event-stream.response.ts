import type { ServerResponse } from 'node:http';

/** One event of a stream: `id`, `event` and one line of `data`. */
export interface StreamEvent {
  readonly id: string;
  readonly event: string;
  /** Written on one `data:` line, so it must hold no line break (JSON.stringify never writes one). */
  readonly data: string;
}

/** How long a client that lost its connection waits before it reconnects (the `retry` field). */
const RECONNECT_AFTER_MS = 3_000;

/**
 * A client that reads so slowly that this much is waiting for it is let go: it would reconnect
 * and fetch the figures again sooner than it would catch up, and the gateway's memory stays bounded.
 */
const MOST_BUFFERED_BYTES = 1024 * 1024;

/**
 * One `text/event-stream` answer (Server-Sent Events): the headers, then events and a comment
 * line every `heartbeatMs` so that proxies keep the connection open and clients notice a dead one.
 */
export class EventStreamResponse {
  private heartbeat: NodeJS.Timeout | undefined;
  private opened = false;

  constructor(
    private readonly response: ServerResponse,
    private readonly heartbeatMs: number,
  ) {}

  /** Sends the headers and the reconnection delay at once, so that the client knows the stream is open. */
  open(): void {
    if (this.closed) return;
    this.response.statusCode = 200;
    this.response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    this.response.setHeader('Cache-Control', 'no-store');
    // Buffering proxies (nginx) would hold events back until their buffer fills.
    this.response.setHeader('X-Accel-Buffering', 'no');
    this.response.flushHeaders();
    this.opened = true;
    this.write(`retry: ${RECONNECT_AFTER_MS}\n: connected\n\n`);
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), this.heartbeatMs);
    this.heartbeat.unref();
    this.response.once('close', () => clearInterval(this.heartbeat));
  }

  /** Events before open() or after the client left are dropped. */
  send(event: StreamEvent): void {
    this.write(`id: ${event.id}\nevent: ${event.event}\ndata: ${event.data}\n\n`);
  }

  /** Calls `callback` once the client is gone (at once if it already is). */
  onClose(callback: () => void): void {
    if (this.closed) callback();
    else this.response.once('close', callback);
  }

  end(): void {
    clearInterval(this.heartbeat);
    if (!this.closed) this.response.end();
  }

  private get closed(): boolean {
    return this.response.destroyed || this.response.writableEnded;
  }

  private write(text: string): void {
    if (!this.opened || this.closed) return;
    if (this.response.writableLength > MOST_BUFFERED_BYTES) {
      this.response.destroy();
      return;
    }
    this.response.write(text);
  }
}
