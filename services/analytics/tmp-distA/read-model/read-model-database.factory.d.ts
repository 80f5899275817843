import type { ReadModelDatabase } from './read-model-database.js';
/** Opens the database ANALYTICS_DB_URL names (the folder of a sqlite file is created first). */
export declare function openReadModelDatabase(url: string): Promise<ReadModelDatabase>;
//# sourceMappingURL=read-model-database.factory.d.ts.map