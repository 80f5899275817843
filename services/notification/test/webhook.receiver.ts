// A webhook receiver as a subscriber would run one: it verifies each request's Standard Webhooks
// signature with the library receivers use, and keeps every request it got, duplicates included.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  readonly path: string;
  readonly webhookId: string;
  readonly verified: boolean;
  readonly body: { readonly type: string; readonly timestamp: string; readonly data: Record<string, unknown> };
}

export interface PathBehaviour {
  /** What the receiver answers. Default 204. */
  readonly status?: number;
  /** How long it takes to answer. Default 0. */
  readonly delayMs?: number;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export class WebhookReceiver {
  /** Every request whose handling started, in arrival order (counted before any delay). */
  readonly arrivals: string[] = [];
  readonly received: ReceivedWebhook[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly behaviours = new Map<string, PathBehaviour>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      // A sender killed mid-request resets its connection: that is part of the test, not a failure.
      request.on('error', () => undefined);
      response.on('error', () => undefined);
      void receiver.handle(request).then(
        (status) => response.writeHead(status).end(),
        () => response.writeHead(500).end(),
      );
    });
    return receiver;
  }

  url(path: string): string {
    return `${this.baseUrl}/${path}`;
  }

  /** The secret the subscription for this path was given, to verify its signatures. */
  trust(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  behave(path: string, behaviour: PathBehaviour): void {
    this.behaviours.set(path, behaviour);
  }

  receivedAt(path: string): ReceivedWebhook[] {
    return this.received.filter((webhook) => webhook.path === path);
  }

  /** The distinct webhook-ids this path has received (what a deduplicating receiver acts on). */
  distinctIdsAt(path: string): Set<string> {
    return new Set(this.receivedAt(path).map((webhook) => webhook.webhookId));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage): Promise<number> {
    const path = (request.url ?? '/').slice(1);
    const raw = await bodyOf(request);
    this.arrivals.push(path);
    const behaviour = this.behaviours.get(path) ?? {};
    if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
    const status = behaviour.status ?? 204;
    if (status >= 200 && status < 300) this.received.push(this.verify(path, raw, request));
    return status;
  }

  private verify(path: string, raw: string, request: IncomingMessage): ReceivedWebhook {
    const headers = {
      'webhook-id': String(request.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
    };
    const secret = this.secrets.get(path);
    let verified = false;
    try {
      if (secret !== undefined) verified = new Webhook(secret).verify(raw, headers) !== undefined;
    } catch {
      verified = false;
    }
    return { path, webhookId: headers['webhook-id'], verified, body: JSON.parse(raw) as ReceivedWebhook['body'] };
  }
}
