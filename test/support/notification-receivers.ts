// A webhook receiver and an SMTP server, as a troop-contributing country's system and a focal
// point's mail server would be: both record what arrives, keyed by the sender's delivery id.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';

export interface WebhookReceiver {
  readonly url: string;
  /** webhook-id -> how many times it arrived */
  readonly arrivals: Map<string, number>;
  /** Every body received, as sent. */
  readonly bodies: string[];
  readonly badSignatures: number;
  useSecret(secret: string): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(answerDelayMs: number): Promise<WebhookReceiver> {
  const arrivals = new Map<string, number>();
  const bodies: string[] = [];
  let verifier: Webhook | undefined;
  let badSignatures = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    // A sender killed mid-request resets its connection: that is part of the test, not a failure.
    request.on('error', () => undefined);
    response.on('error', () => undefined);
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      try {
        verifier?.verify(body, request.headers as Record<string, string>);
        const id = String(request.headers['webhook-id']);
        arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
      } catch {
        badSignatures += 1;
      }
      setTimeout(() => response.writeHead(204).end(), answerDelayMs);
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/bluehelm`,
    arrivals,
    bodies,
    get badSignatures() {
      return badSignatures;
    },
    useSecret: (secret) => {
      verifier = new Webhook(secret);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface MailReceiver {
  readonly url: string;
  /** Message-ID -> how many times it arrived */
  readonly arrivals: Map<string, number>;
  close(): Promise<void>;
}

export async function startMailReceiver(answerDelayMs: number): Promise<MailReceiver> {
  const arrivals = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let message = '';
      stream.on('data', (chunk: Buffer) => (message += chunk.toString('utf8')));
      stream.on('end', () => {
        const id = /^message-id:\s*(\S+)/im.exec(message)?.[1] ?? 'missing';
        arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
        setTimeout(() => callback(), answerDelayMs);
      });
    },
  });
  // A sender killed mid-message resets its connection: that is part of the test, not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrivals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
