import { SERVICE_CONFIG } from '@bluehelm/service-kit';
import { Logger, Module } from '@nestjs/common';
import { loadAccountabilityIndex } from './accountability/accountability-facts.loader.js';
import { AccessTrailHandler } from './access-trail/access-trail.handler.js';
import { AccessTrailReader } from './access-trail/access-trail.reader.js';
import { AccountabilityHandler } from './accountability/accountability.handler.js';
import { AccountabilityIndex } from './accountability/accountability-index.js';
import { STALL_DAYS } from './accountability/stall-days.token.js';
import { CLOCK, systemClock } from './clock/clock.js';
import type { AnalyticsConfig } from './config/analytics.config.js';
import { FatalitiesHandler } from './fatalities/fatalities.handler.js';
import { FatalitiesReader } from './fatalities/fatalities.reader.js';
import { IedDetectionHandler } from './ied-detection/ied-detection.handler.js';
import { IedDetectionReader } from './ied-detection/ied-detection.reader.js';
import { AnalyticsNatsConnection } from './indicators/analytics-nats.connection.js';
import { IndicatorPublisher } from './indicators/indicator-publisher.js';
import { LiveReadModels } from './live/live-read-models.service.js';
import { ReadModelDatabaseCloser } from './live/read-model-database.closer.js';
import { StatusHandler } from './live/status.handler.js';
import { ALL_READ_MODELS } from './projection/analytics-read-models.js';
import { prepareReadModels } from './projection/read-model-preparation.js';
import { openReadModelDatabase } from './read-model/read-model-database.factory.js';
import { READ_MODEL_DATABASE, type ReadModelDatabase } from './read-model/read-model-database.js';

/** Read models fed from the event log, their queries over NATS, and the live indicator stream. */
@Module({
  controllers: [FatalitiesHandler, IedDetectionHandler, AccountabilityHandler, AccessTrailHandler, StatusHandler],
  providers: [
    {
      provide: READ_MODEL_DATABASE,
      inject: [SERVICE_CONFIG],
      useFactory: async (config: AnalyticsConfig): Promise<ReadModelDatabase> => {
        const database = await openReadModelDatabase(config.ANALYTICS_DB_URL);
        const dropped = await prepareReadModels(database, ALL_READ_MODELS);
        if (dropped.length > 0) {
          new Logger(AnalyticsModule.name).warn(
            `${dropped.join(', ')}: made by an older version, dropped and projected again from position zero ` +
              '(npm run rebuild does it faster while the service is stopped)',
          );
        }
        return database;
      },
    },
    { provide: STALL_DAYS, inject: [SERVICE_CONFIG], useFactory: (config: AnalyticsConfig) => config.STALL_DAYS },
    { provide: CLOCK, useValue: systemClock },
    { provide: AccountabilityIndex, inject: [READ_MODEL_DATABASE], useFactory: loadAccountabilityIndex },
    { provide: FatalitiesReader, inject: [READ_MODEL_DATABASE], useFactory: (db: ReadModelDatabase) => new FatalitiesReader(db) },
    { provide: IedDetectionReader, inject: [READ_MODEL_DATABASE], useFactory: (db: ReadModelDatabase) => new IedDetectionReader(db) },
    { provide: AccessTrailReader, inject: [READ_MODEL_DATABASE], useFactory: (db: ReadModelDatabase) => new AccessTrailReader(db) },
    ReadModelDatabaseCloser,
    AnalyticsNatsConnection,
    IndicatorPublisher,
    LiveReadModels,
  ],
})
export class AnalyticsModule {}
