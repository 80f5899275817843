import { PostgresReadModelDatabase } from './postgres-read-model-database.js';
import { readModelDatabaseLocationOf } from './read-model-database.url.js';
import { SqliteReadModelDatabase } from './sqlite-read-model-database.js';
/** Opens the database ANALYTICS_DB_URL names (the folder of a sqlite file is created first). */
export async function openReadModelDatabase(url) {
    const location = readModelDatabaseLocationOf(url);
    switch (location.kind) {
        case 'sqlite':
            return SqliteReadModelDatabase.open(location.file);
        case 'postgres':
            return PostgresReadModelDatabase.connect(location.connectionString, location.schema);
        default: {
            const unknown = location;
            throw new Error(`unknown read-model database ${JSON.stringify(unknown)}`);
        }
    }
}
//# sourceMappingURL=read-model-database.factory.js.map