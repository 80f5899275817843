import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { READ_MODEL_DATABASE, type ReadModelDatabase } from '../read-model/read-model-database.js';

/** Closes the read-model database once everything that writes or reads it has stopped. */
@Injectable()
export class ReadModelDatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly database: ReadModelDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
