import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findFreePort } from '../../../scripts/lib/free-port.mjs';
import { startServiceProcess, untilReady, type ServiceProcess } from './service-process.js';

// Runs the built gateway as a real process: what is proven here holds for every service,
// since all of them start through bootstrapService.
const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

async function failedStart(env: Record<string, string>): Promise<{ exit: number | string; stderr: string[] }> {
  const service = startServiceProcess('gateway', {
    EVENT_STORE_URL: 'memory:',
    NATS_URL,
    PORT: String(await findFreePort()),
    ...env,
  });
  const exit = await service.exited();
  return { exit, stderr: service.stderr.filter((line) => line.trim() !== '') };
}

describe('a service that cannot start', () => {
  it('prints one line and exits non-zero for an event store URL it cannot use', async () => {
    const { exit, stderr } = await failedStart({ EVENT_STORE_URL: 'mysql://db/events' });
    expect(exit).toBe(78);
    expect(stderr).toEqual([
      expect.stringMatching(/^gateway: configuration error: EVENT_STORE_URL must be .*\(got "mysql:\/\/db\/events"\)$/),
    ]);
  });

  it('prints one line and exits non-zero for a port that is not a number', async () => {
    const { exit, stderr } = await failedStart({ PORT: 'abc' });
    expect(exit).toBe(78);
    expect(stderr).toEqual(['gateway: configuration error: PORT must be an integer between 1 and 65535 (got "abc")']);
  });

  it('prints one line naming the URL when NATS does not answer', async () => {
    const { exit, stderr } = await failedStart({ NATS_URL: 'nats://127.0.0.1:1' });
    expect(exit).toBe(69);
    expect(stderr).toEqual([expect.stringMatching(/^gateway: cannot reach NATS at nats:\/\/127\.0\.0\.1:1 \(.+\)$/)]);
  });

  it('prints one line when the event store cannot be opened', async () => {
    // /dev/null is a file, so no folder can be made under it for the database.
    const { exit, stderr } = await failedStart({ EVENT_STORE_URL: 'sqlite:/dev/null/events.db' });
    expect(exit).toBe(69);
    expect(stderr).toEqual([
      expect.stringMatching(/^gateway: cannot open the event store at sqlite:\/dev\/null\/events\.db \(.+\)$/),
    ]);
  });
});

describe('a started service', () => {
  const privateMarker = `personal-${Date.now()}-marker`;
  let dataDir: string;
  let port: number;
  let service: ServiceProcess;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bluehelm-service-kit-'));
    port = await findFreePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // A sqlite file in a folder that does not exist yet: the service must create it.
    service = startServiceProcess('gateway', {
      EVENT_STORE_URL: `sqlite:${join(dataDir, 'not-yet', 'events.db')}`,
      NATS_URL,
      PORT: String(port),
      SHUTDOWN_TIMEOUT_MS: '2000',
    });
    await untilReady(service, port);
  });

  afterAll(async () => {
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says it is live', async () => {
    const response = await fetch(`${baseUrl}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service: 'gateway', status: 'ok' });
  });

  it('says it is ready, with its event store and NATS checks', async () => {
    const response = await fetch(`${baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      service: 'gateway',
      status: 'ready',
      checks: { eventStore: { status: 'up' }, nats: { status: 'up' }, process: { status: 'up' } },
    });
  });

  it('serves Prometheus metrics with the HTTP duration histogram labelled by route', async () => {
    await fetch(`${baseUrl}/health/live`);
    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*method="GET",route="\/health\/live",status="200"/);
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('# TYPE nats_messages_total counter');
  });

  it('logs requests as JSON without their body, headers or query string', async () => {
    await fetch(`${baseUrl}/v1/health?name=${privateMarker}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${privateMarker}`, cookie: `session=${privateMarker}` },
      body: JSON.stringify({ narrative: privateMarker, casualties: [{ name: privateMarker }] }),
    });
    await fetch(`${baseUrl}/v1/health`);
    const deadline = Date.now() + 5_000;
    while (!service.stdout.some((line) => line.includes('"method":"POST"')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const postLine = service.stdout.find((line) => line.includes('"method":"POST"'));
    expect(postLine).toBeDefined();
    expect(JSON.parse(postLine!)).toMatchObject({
      service: 'gateway',
      req: { method: 'POST', path: '/v1/health' },
      res: { status: 404 },
      responseTime: expect.any(Number),
    });
    expect(service.stdout.join('\n')).not.toContain(privateMarker);
    expect(service.stderr.join('\n')).not.toContain(privateMarker);
  });

  it('exits 0 on SIGTERM', async () => {
    const exit = await service.stop();
    expect(exit).toBe(0);
    expect(service.stdout.some((line) => line.includes('gateway stopped'))).toBe(true);
  });
});
