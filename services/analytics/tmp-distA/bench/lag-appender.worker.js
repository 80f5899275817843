// Appends events at a steady offered rate in a thread of its own, as a writing service would in
// a process of its own, and reports when each append was committed.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { createEventStore } from '@bluehelm/event-store';
import { randomUUID } from 'node:crypto';
import { generateCaseHistory } from './case-history.generator.js';
const settings = workerData;
const store = await createEventStore(settings.eventStoreUrl);
const samples = [];
const interval = 1000 / settings.eventsPerSecond;
const started = performance.now();
let sent = 0;
for (const event of generateCaseHistory(settings.events, 500)) {
    if (sent === settings.events)
        break;
    const due = started + sent * interval;
    const wait = due - performance.now();
    if (wait > 0)
        await sleep(wait);
    const { position } = await store.appendToStream(event.streamName, [
        { id: randomUUID(), type: event.type, data: event.data, metadata: event.metadata },
    ]);
    samples.push({ position, committedAt: performance.timeOrigin + performance.now() });
    sent += 1;
}
await store.close();
parentPort?.postMessage({ samples, seconds: (performance.now() - started) / 1000 });
//# sourceMappingURL=lag-appender.worker.js.map