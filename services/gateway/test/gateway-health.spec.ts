import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findFreePort } from '../../../scripts/lib/free-port.mjs';
import { startNatsServer } from '../../../scripts/lib/nats-server-process.mjs';
import { stopChild } from '../../../scripts/lib/prefixed-child.mjs';
import { startServiceProcess, untilReady, type ServiceProcess } from './service-process.js';

// The ping subjects are fixed (bluehelm.<service>.ping), so on the shared NATS server a service
// from `npm start` or from another test would answer for a missing one. This suite therefore
// runs its own nats-server on a free port.
const BACKENDS = ['intake', 'case-tracking', 'analytics', 'notification'] as const;

describe('GET /v1/health on the gateway', () => {
  let natsDir: string;
  let natsServer: ChildProcess;
  let natsUrl: string;
  let gatewayUrl: string;
  const running: ServiceProcess[] = [];

  async function startService(name: string): Promise<{ service: ServiceProcess; port: number }> {
    const port = await findFreePort();
    const service = startServiceProcess(name, { EVENT_STORE_URL: 'memory:', NATS_URL: natsUrl, PORT: String(port) });
    running.push(service);
    await untilReady(service, port);
    return { service, port };
  }

  beforeAll(async () => {
    natsDir = mkdtempSync(join(tmpdir(), 'bluehelm-gateway-nats-'));
    const natsPort = await findFreePort();
    natsServer = await startNatsServer({ port: natsPort, storeDir: natsDir, onLine: () => undefined });
    natsUrl = `nats://127.0.0.1:${natsPort}`;
    const { port } = await startService('gateway');
    gatewayUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    if (natsServer) await stopChild(natsServer, 5_000);
    rmSync(natsDir, { recursive: true, force: true });
  });

  it('is 503 problem+json naming every service that does not answer', async () => {
    await startService('intake');
    const response = await fetch(`${gatewayUrl}/v1/health`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'Not answering: case-tracking, analytics, notification',
      unavailable: ['case-tracking', 'analytics', 'notification'],
      services: { intake: 'up', 'case-tracking': 'down', analytics: 'down', notification: 'down' },
      eventStore: 'up',
    });
  });

  it('is 200 ready once all five services run', async () => {
    await Promise.all(BACKENDS.filter((name) => name !== 'intake').map(startService));
    const response = await fetch(`${gatewayUrl}/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      services: { intake: 'up', 'case-tracking': 'up', analytics: 'up', notification: 'up' },
      eventStore: 'up',
    });
  });

  it('counts the pings a service answered in its metrics', async () => {
    const intake = running.find((service) => service.name === 'intake')!;
    const intakePort = Number(/listening on port (\d+)/.exec(intake.stdout.join('\n'))?.[1]);
    const metrics = await (await fetch(`http://127.0.0.1:${intakePort}/metrics`)).text();
    expect(metrics).toMatch(/nats_messages_total\{[^}]*subject="bluehelm\.intake\.ping",outcome="ok"[^}]*\} [1-9]/);
  });

  it('is 503 again when a service stops', async () => {
    const analytics = running.find((service) => service.name === 'analytics')!;
    expect(await analytics.stop()).toBe(0);
    const response = await fetch(`${gatewayUrl}/v1/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ unavailable: ['analytics'] });
  });
});
