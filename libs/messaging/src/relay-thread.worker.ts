// The body of a relay thread (see RelayThread): it opens the service's event store and a NATS
// connection of its own, runs a LedRelay on them, and tells the service what happens.
import { parentPort, workerData } from 'node:worker_threads';
import { createEventStore, type EventStore } from '@bluehelm/event-store';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { LedRelay } from './led-relay.js';
import { connectNats } from './nats-connection.js';
import type { RelayThreadCommand, RelayThreadReport, RelayThreadSettings } from './relay-thread-messages.js';

if (!parentPort) throw new Error('the relay thread runs as a worker thread, started by RelayThread');
const port = parentPort;
const settings = workerData as RelayThreadSettings;
const tell = (report: RelayThreadReport) => port.postMessage(report);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

let store: EventStore | undefined;
let connection: NatsConnection | undefined;
let relay: LedRelay | undefined;

async function start(): Promise<void> {
  store = await createEventStore(settings.eventStoreUrl);
  connection = await connectNats(settings.nats);
  relay = new LedRelay({
    ...settings.relay,
    store,
    jetstream: jetstream(connection),
    onError: (error, during) => tell({ type: 'error', during, message: messageOf(error) }),
    onLeadershipChange: (leading, holder) => tell({ type: 'leadership', leading, holder }),
  });
  await relay.start();
}

/** Saves the checkpoint and releases the lease, then closes the connection and the store. */
async function stop(): Promise<void> {
  await relay?.stop();
  await connection?.drain().catch(() => undefined);
  await store?.close();
}

/** The last word: after it the thread has nothing left to do and ends. */
function end(report: RelayThreadReport): void {
  tell(report);
  port.close();
}

port.on('message', (command: RelayThreadCommand) => {
  if (command.type !== 'stop') return;
  void stop().then(
    () => end({ type: 'stopped' }),
    (error: unknown) => end({ type: 'stopped', failure: messageOf(error) }),
  );
});

try {
  await start();
  tell({ type: 'started' });
} catch (error) {
  await stop().catch(() => undefined);
  end({ type: 'start-failed', message: messageOf(error) });
}
