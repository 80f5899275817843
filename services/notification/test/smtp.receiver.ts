// A real SMTP server for the test (smtp-server): it accepts every message and keeps its headers.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  readonly to: readonly string[];
  readonly messageId: string;
  readonly notificationId: string;
  readonly subject: string;
  readonly text: string;
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
}

export class SmtpReceiver {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly received: ReceivedEmail[],
    private readonly delay: { ms: number },
  ) {}

  /** How long the server takes to accept a message. */
  set delayMs(ms: number) {
    this.delay.ms = ms;
  }

  static async start(): Promise<SmtpReceiver> {
    const received: ReceivedEmail[] = [];
    const delay = { ms: 0 };
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          setTimeout(() => {
            received.push({
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              messageId: header(raw, 'Message-ID'),
              notificationId: header(raw, 'X-Bluehelm-Notification-Id'),
              subject: header(raw, 'Subject'),
              text: raw.split(/\r?\n\r?\n/).slice(1).join('\n\n'),
            });
            callback();
          }, delay.ms);
        });
      },
    });
    // A sender killed mid-message resets its connection: that is part of the test, not a failure.
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new SmtpReceiver(server, (server.server.address() as AddressInfo).port, received, delay);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedEmail[] {
    return this.received.filter((email) => email.to.includes(address));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
