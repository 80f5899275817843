import pg from 'pg';
import { CHECKPOINT_TABLE, createTableStatements, insertStatement, UPSERT_CHECKPOINT_SQL, } from './read-model-table.js';
const TYPE_NAMES = { text: 'text', integer: 'integer', bigint: 'bigint' };
// PostgreSQL allows 65535 parameters per statement; stay well below.
const MAX_PARAMETERS_PER_INSERT = 30_000;
const INT8_OID = 20;
/** `?` placeholders, as the read-model SQL is written, to PostgreSQL's `$1, $2, ...`. */
export function toNumberedPlaceholders(sql) {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
}
/**
 * Read models in a PostgreSQL schema of their own. Positions and counts come back as numbers
 * (exact up to 2^53, like the event store's positions).
 */
export class PostgresReadModelDatabase {
    constructor(pool) {
        this.pool = pool;
        this.kind = 'postgres';
    }
    static async connect(connectionString, schema) {
        const setup = new pg.Client({ connectionString });
        await setup.connect();
        try {
            await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        }
        finally {
            await setup.end();
        }
        const pool = new pg.Pool({
            connectionString,
            max: 4,
            options: `-c search_path=${schema}`,
            types: {
                getTypeParser: ((oid, format) => oid === INT8_OID ? (value) => Number(value) : pg.types.getTypeParser(oid, format)),
            },
        });
        return new PostgresReadModelDatabase(pool);
    }
    async createTables(tables) {
        const statements = [CHECKPOINT_TABLE, ...tables].flatMap((table) => createTableStatements(table, TYPE_NAMES));
        await this.inTransaction(async (client) => {
            for (const statement of statements)
                await client.query(statement);
        });
    }
    async dropTables(tables) {
        await this.inTransaction(async (client) => {
            for (const table of [...tables, CHECKPOINT_TABLE])
                await client.query(`DROP TABLE IF EXISTS ${table.name}`);
        });
    }
    async readCheckpoints() {
        return checkpointsOf(await this.pool.query(`SELECT projection, position FROM ${CHECKPOINT_TABLE.name}`));
    }
    async writeBatch(plan) {
        return this.inTransaction(async (client) => {
            // One writer at a time (replicas sharing the database included); readers are not blocked.
            await client.query(`LOCK TABLE ${CHECKPOINT_TABLE.name} IN SHARE ROW EXCLUSIVE MODE`);
            const write = plan(checkpointsOf(await client.query(`SELECT projection, position FROM ${CHECKPOINT_TABLE.name}`)));
            for (const rows of write.tables)
                await insertRows(client, rows);
            for (const [projection, position] of write.checkpoints) {
                await client.query(toNumberedPlaceholders(UPSERT_CHECKPOINT_SQL), [projection, position]);
            }
            return write;
        });
    }
    async query(sql, params = []) {
        const result = await this.pool.query(toNumberedPlaceholders(sql), [...params]);
        return result.rows;
    }
    async queryArrays(sql, params = []) {
        const result = await this.pool.query({ text: toNumberedPlaceholders(sql), values: [...params], rowMode: 'array' });
        return result.rows;
    }
    async close() {
        await this.pool.end();
    }
    async inTransaction(work) {
        const client = await this.pool.connect();
        try {
            await client.query('BEGIN');
            const result = await work(client);
            await client.query('COMMIT');
            return result;
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
        }
        finally {
            client.release();
        }
    }
}
async function insertRows(client, { table, values }) {
    const width = table.columns.length;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS_PER_INSERT / width));
    const rows = values.length / width;
    for (let start = 0; start < rows; start += perStatement) {
        const count = Math.min(perStatement, rows - start);
        await client.query(insertStatement(table, count, (n) => `$${n}`), values.slice(start * width, (start + count) * width));
    }
}
function checkpointsOf(result) {
    return new Map(result.rows.map((row) => [row.projection, Number(row.position)]));
}
//# sourceMappingURL=postgres-read-model-database.js.map