import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEventStore, type EventStore, type RecordedEvent } from '@bluehelm/event-store';
import type { EventRelayStatus } from '../src/index.js';
import { createTestJetStream, eventually, TEST_NATS_URL, type TestJetStream } from './support/jetstream-test-topology.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const libs = fileURLToPath(new URL('../../', import.meta.url));
const RELAY_NAME = 'case-tracking-relay';
const CHECKPOINT_EVERY_EVENTS = 100;

/** The relay fixture as a real process, with the status lines it prints. */
class RelayProcess {
  readonly statuses: EventRelayStatus[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private stderr = '';

  constructor(env: Record<string, string>) {
    this.child = spawn(
      process.execPath,
      [join(fixtures, 'relay-process.mjs')],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let pending = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') this.statuses.push(JSON.parse(line) as EventRelayStatus);
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get latest(): EventRelayStatus | undefined {
    return this.statuses.at(-1);
  }

  get errors(): string {
    return this.stderr;
  }

  kill(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }
}

describe('EventRelay in a process killed with SIGKILL', () => {
  let nats: TestJetStream;
  let directory: string;
  let store: EventStore;
  const processes: RelayProcess[] = [];

  beforeAll(async () => {
    for (const lib of ['event-store', 'messaging']) {
      if (!existsSync(join(libs, lib, 'dist', 'index.js'))) {
        throw new Error(`libs/${lib} is not built: run "npx tsc -b libs/messaging" first`);
      }
      if (!existsSync(join(libs, '..', 'node_modules', '@bluehelm', lib))) {
        throw new Error(`@bluehelm/${lib} is not linked in node_modules: run "npm install" at the root`);
      }
    }
    nats = await createTestJetStream();
    directory = await mkdtemp(join(tmpdir(), 'bluehelm-relay-kill-'));
    store = await createEventStore(`sqlite:${join(directory, 'events.db')}`);
  });

  afterAll(async () => {
    for (const relay of processes) {
      relay.kill('SIGKILL');
      await relay.exited;
    }
    await store?.close();
    await nats?.dispose();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  async function appendCaseEvents(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const streamName = i % 10 === 9 ? `incident-${randomUUID()}` : `case-${randomUUID().slice(0, 1)}`;
      await store.appendToStream(streamName, [{ id: randomUUID(), type: 'CaseStepRecorded', data: { i } }]);
    }
  }

  async function caseEvents(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll({ filter: { streamPrefixes: ['case-'] } })) events.push(event);
    return events;
  }

  function startRelay(publishDelayMs: number): RelayProcess {
    const relay = new RelayProcess({
      EVENT_STORE_URL: `sqlite:${join(directory, 'events.db')}`,
      NATS_URL: TEST_NATS_URL,
      RELAY_NAME,
      RELAY_CATEGORIES: 'case',
      SUBJECT_PREFIX: nats.topology.subjectPrefix,
      PUBLISH_DELAY_MS: String(publishDelayMs),
      CHECKPOINT_EVERY_EVENTS: String(CHECKPOINT_EVERY_EVENTS),
    });
    processes.push(relay);
    return relay;
  }

  it('restarts from its checkpoint and leaves every event in JetStream exactly once', async () => {
    await appendCaseEvents(330);
    const before = await caseEvents();
    expect(before.length).toBeGreaterThan(200);

    const first = startRelay(5);
    await eventually(() => {
      if (first.errors) throw new Error(`relay process failed: ${first.errors}`);
      expect(first.latest?.publishedCount).toBeGreaterThanOrEqual(CHECKPOINT_EVERY_EVENTS + 30);
    }, 20_000);
    first.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // Killed mid-stream, with more in JetStream than its checkpoint covers.
    const publishedBeforeKill = (await nats.storedEvents()).length;
    expect(publishedBeforeKill).toBeLessThan(before.length);
    const checkpoint = await store.checkpoints.load(RELAY_NAME);
    const coveredByCheckpoint = before.filter((event) => event.position <= (checkpoint ?? -1)).length;
    expect(coveredByCheckpoint).toBeLessThan(publishedBeforeKill);

    await appendCaseEvents(40);
    const all = await caseEvents();
    const second = startRelay(0);
    await eventually(() => expect(second.latest?.lastPosition).toBe(all.at(-1)!.position), 20_000);
    second.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });

    const stored = await nats.storedEvents();
    expect(stored.map((message) => message.event.id)).toEqual(all.map((event) => event.id));
    expect(stored.every((message) => message.msgId === message.event.id)).toBe(true);
    expect(second.latest?.duplicateCount).toBe(publishedBeforeKill - coveredByCheckpoint);
    expect(await store.checkpoints.load(RELAY_NAME)).toBe(all.at(-1)!.position);
  });
});
