import { type OnApplicationShutdown } from '@nestjs/common';
import { type ReadModelDatabase } from '../read-model/read-model-database.js';
/** Closes the read-model database once everything that writes or reads it has stopped. */
export declare class ReadModelDatabaseCloser implements OnApplicationShutdown {
    private readonly database;
    constructor(database: ReadModelDatabase);
    onApplicationShutdown(): Promise<void>;
}
//# sourceMappingURL=read-model-database.closer.d.ts.map