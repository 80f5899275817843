import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Controller, Get, Module } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { findFreePort } from '../../../scripts/lib/free-port.mjs';
import { InFlightWork, startService, type RunningService } from '../src/index.js';

const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

/** A gate a handler waits at until the test opens it. */
class Gate {
  private openGate!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.openGate = resolve));
  open(): void {
    this.openGate();
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A module with one slow HTTP route and one slow NATS handler, both held by `gate`. */
function slowModule(gate: Gate, subject: string) {
  @Controller()
  class SlowController {
    @Get('slow')
    async slow(): Promise<{ finished: true }> {
      await gate.opened;
      return { finished: true };
    }

    @MessagePattern(subject)
    async slowMessage(): Promise<{ finished: true }> {
      await gate.opened;
      return { finished: true };
    }
  }
  @Module({ controllers: [SlowController] })
  class SlowModule {}
  return SlowModule;
}

/** A request in the NestJS NATS envelope, as ClientProxy#send makes it. */
async function requestThroughNest(nats: NatsConnection, subject: string, timeout = 10_000): Promise<unknown> {
  const reply = await nats.request(subject, JSON.stringify({ pattern: subject, data: {}, id: randomUUID() }), {
    timeout,
  });
  return (reply.json() as { response: unknown }).response;
}

describe('graceful shutdown of a started service', () => {
  let running: RunningService | undefined;
  let nats: NatsConnection | undefined;

  afterEach(async () => {
    await running?.stop('test end');
    await nats?.close();
    running = undefined;
    nats = undefined;
  });

  async function start(gate: Gate, subject: string, shutdownTimeoutMs: number): Promise<string> {
    const port = await findFreePort();
    running = await startService({
      name: 'intake',
      rootModule: slowModule(gate, subject),
      defaultPort: port,
      env: {
        EVENT_STORE_URL: 'memory:',
        NATS_URL,
        LOG_LEVEL: 'silent',
        SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
      },
    });
    return `http://127.0.0.1:${port}`;
  }

  it('finishes an HTTP request and a NATS request in flight, and takes no new request meanwhile', async () => {
    const gate = new Gate();
    const subject = `test.service-kit.slow.${randomUUID()}`;
    const baseUrl = await start(gate, subject, 10_000);
    nats = await connect({ servers: NATS_URL });
    const inFlight = running!.app.get(InFlightWork);

    const slowHttp = fetch(`${baseUrl}/slow`);
    const slowNats = requestThroughNest(nats, subject);
    await until(() => inFlight.count === 2, 'both requests to be in flight');

    let stopFinished = false;
    const stopped = running!.stop('test').finally(() => (stopFinished = true));
    await expect(fetch(`${baseUrl}/health/live`)).rejects.toThrow();
    // No responders (rather than a timeout) shows the subscription is gone, not merely busy.
    await expect(requestThroughNest(nats, subject, 300)).rejects.toThrow(/no responders/);
    expect(stopFinished).toBe(false);
    gate.open();

    const response = await slowHttp;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await expect(slowNats).resolves.toEqual({ finished: true });
    await expect(stopped).resolves.toEqual({ finishedInFlightWork: true });
  });

  it('stops anyway once the shutdown timeout has passed', async () => {
    const gate = new Gate();
    await start(gate, `test.service-kit.slow.${randomUUID()}`, 200);
    const inFlight = running!.app.get(InFlightWork);
    void inFlight.run(() => new Promise(() => undefined));

    const startedAt = Date.now();
    await expect(running!.stop('test')).resolves.toEqual({ finishedInFlightWork: false });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(200);
  });
});
