// Entry of `npm run rebuild -- analytics`: drops the analytics read models and rebuilds them
// from position zero of the event log, with a progress bar and the rate achieved. Run it while
// the service is stopped; it uses the service's settings (EVENT_STORE_URL, ANALYTICS_DB_URL).
import {
  ConfigurationError,
  EXIT_CONFIG,
  EXIT_SOFTWARE,
  loadConfig,
  openEventStore,
  StartupFailure,
} from '@bluehelm/service-kit';
import { SingleBar, Presets } from 'cli-progress';
import { AnalyticsConfig } from './config/analytics.config.js';
import { ALL_READ_MODELS } from './projection/analytics-read-models.js';
import { openReadModelDatabase } from './read-model/read-model-database.factory.js';
import { readModelDatabaseLocationOf } from './read-model/read-model-database.url.js';
import { rebuildReadModels } from './rebuild/read-model-rebuild.js';

async function main(): Promise<number> {
  const config = loadConfig(AnalyticsConfig, process.env);
  const store = await openEventStore(config.EVENT_STORE_URL);
  const database = await openReadModelDatabase(config.ANALYTICS_DB_URL).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const bar = new SingleBar(
    { format: 'analytics rebuild [{bar}] {percentage}% | position {value}/{total} | {events} events', hideCursor: true },
    Presets.shades_classic,
  );
  try {
    const location = readModelDatabaseLocationOf(config.ANALYTICS_DB_URL);
    const outcome = await rebuildReadModels({
      store,
      database,
      ...(location.kind === 'sqlite' && location.file !== ':memory:' ? { sqliteFile: location.file } : {}),
      onStart: (head) => bar.start(Math.max(head, 0), 0, { events: 0 }),
      onProgress: ({ position, events }) => bar.update(position, { events }),
    });
    bar.update(Math.max(outcome.head, 0));
    bar.stop();
    const names = ALL_READ_MODELS.map((binding) => binding.projection.name).join(', ');
    const rate = Math.round(outcome.eventsPerSecond).toLocaleString('en-US');
    console.log(
      `analytics: rebuilt ${names} from ${outcome.events.toLocaleString('en-US')} events ` +
        `in ${outcome.seconds.toFixed(2)} s (${rate} events/s)`,
    );
    return 0;
  } finally {
    bar.stop();
    await database.close();
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ConfigurationError) {
      process.stderr.write(`analytics rebuild: configuration error: ${message}\n`);
      process.exit(EXIT_CONFIG);
    }
    process.stderr.write(`analytics rebuild failed: ${message}\n`);
    process.exit(error instanceof StartupFailure ? error.exitCode : EXIT_SOFTWARE);
  },
);
