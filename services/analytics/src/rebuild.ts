// Entry of `npm run rebuild -- analytics` and `npm run rebuild -- access-trail`: drops the read
// models of each group named on the command line (`node dist/rebuild.js <group>...`) and rebuilds
// them from position zero of the event log, with a progress bar and the rate achieved; the other
// group keeps its rows and checkpoints. Run it while the service is stopped; it uses the service's
// settings (EVENT_STORE_URL, ANALYTICS_DB_URL).
import type { EventStore } from '@bluehelm/event-store';
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
import { READ_MODEL_GROUPS, readModelGroupNamed } from './projection/analytics-read-models.js';
import { projectionNamesOf, type ReadModelGroup } from './projection/read-model-group.js';
import { openReadModelDatabase } from './read-model/read-model-database.factory.js';
import type { ReadModelDatabase } from './read-model/read-model-database.js';
import { readModelDatabaseLocationOf } from './read-model/read-model-database.url.js';
import { rebuildReadModels } from './rebuild/read-model-rebuild.js';

/** No group, or one that does not exist, named on the command line (EX_USAGE). */
const EXIT_USAGE = 64;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function groupsNamed(names: readonly string[]): ReadModelGroup[] {
  const choices = READ_MODEL_GROUPS.map((group) => group.name).join(', ');
  if (names.length === 0) throw new UsageError(`name the read models to rebuild: ${choices}`);
  return names.map((name) => {
    const group = readModelGroupNamed(name);
    if (group === undefined) throw new UsageError(`no read models named ${name}; choose from ${choices}`);
    return group;
  });
}

async function rebuildGroup(group: ReadModelGroup, store: EventStore, database: ReadModelDatabase, databaseUrl: string): Promise<void> {
  const bar = new SingleBar(
    { format: `${group.name} rebuild [{bar}] {percentage}% | position {value}/{total} | {events} events`, hideCursor: true },
    Presets.shades_classic,
  );
  try {
    const location = readModelDatabaseLocationOf(databaseUrl);
    const outcome = await rebuildReadModels({
      store,
      database,
      group,
      ...(location.kind === 'sqlite' && location.file !== ':memory:' ? { sqliteFile: location.file } : {}),
      onStart: (head) => bar.start(Math.max(head, 0), 0, { events: 0 }),
      onProgress: ({ position, events }) => bar.update(position, { events }),
    });
    bar.update(Math.max(outcome.head, 0));
    bar.stop();
    const rate = Math.round(outcome.eventsPerSecond).toLocaleString('en-US');
    console.log(
      `${group.name}: rebuilt ${projectionNamesOf(group).join(', ')} from ${outcome.events.toLocaleString('en-US')} events ` +
        `in ${outcome.seconds.toFixed(2)} s (${rate} events/s)`,
    );
  } finally {
    bar.stop();
  }
}

async function main(): Promise<number> {
  const groups = groupsNamed(process.argv.slice(2));
  const config = loadConfig(AnalyticsConfig, process.env);
  const store = await openEventStore(config.EVENT_STORE_URL);
  const database = await openReadModelDatabase(config.ANALYTICS_DB_URL).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  try {
    for (const group of groups) await rebuildGroup(group, store, database, config.ANALYTICS_DB_URL);
    return 0;
  } finally {
    await database.close();
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      process.stderr.write(`analytics rebuild: ${message} (node dist/rebuild.js analytics)\n`);
      process.exit(EXIT_USAGE);
    }
    if (error instanceof ConfigurationError) {
      process.stderr.write(`analytics rebuild: configuration error: ${message}\n`);
      process.exit(EXIT_CONFIG);
    }
    process.stderr.write(`analytics rebuild failed: ${message}\n`);
    process.exit(error instanceof StartupFailure ? error.exitCode : EXIT_SOFTWARE);
  },
);
