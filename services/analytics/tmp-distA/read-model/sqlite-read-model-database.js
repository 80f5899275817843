import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CHECKPOINT_TABLE, createTableStatements, insertStatement, UPSERT_CHECKPOINT_SQL, } from './read-model-table.js';
const TYPE_NAMES = { text: 'TEXT', integer: 'INTEGER', bigint: 'INTEGER' };
// SQLite binds at most 32766 parameters per statement; a few hundred rows per insert is plenty.
const MAX_PARAMETERS_PER_INSERT = 2_000;
/**
 * Read models in one SQLite file (WAL). `synchronous=NORMAL`: a power cut may lose the last
 * batches, but never splits one from its checkpoint, and the projector re-applies them from the log.
 */
export class SqliteReadModelDatabase {
    constructor(db) {
        this.db = db;
        this.kind = 'sqlite';
        this.inserts = new Map();
    }
    static open(file) {
        if (file !== ':memory:')
            mkdirSync(dirname(file), { recursive: true });
        const db = new Database(file);
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
        // A rebuild writes hundreds of megabytes: 128 MiB of page cache rather than 2, and the WAL
        // folded into the file every 64 MiB rather than every 4 (each fold is a sync).
        db.pragma('cache_size = -131072');
        db.pragma('wal_autocheckpoint = 16384');
        return new SqliteReadModelDatabase(db);
    }
    async createTables(tables) {
        const statements = [CHECKPOINT_TABLE, ...tables].flatMap((table) => createTableStatements(table, TYPE_NAMES, { withoutRowId: table.primaryKey.length > 1 }));
        this.db.transaction(() => statements.forEach((statement) => this.db.exec(statement))).immediate();
    }
    async dropTables(tables) {
        this.inserts.clear();
        this.db
            .transaction(() => [...tables, CHECKPOINT_TABLE].forEach((table) => this.db.exec(`DROP TABLE IF EXISTS ${table.name}`)))
            .immediate();
    }
    async readCheckpoints() {
        return this.checkpointsNow();
    }
    async writeBatch(plan) {
        return this.db
            .transaction(() => {
            const write = plan(this.checkpointsNow());
            for (const rows of write.tables)
                this.insertRows(rows);
            const upsert = this.db.prepare(UPSERT_CHECKPOINT_SQL);
            for (const [projection, position] of write.checkpoints)
                upsert.run(projection, position);
            return write;
        })
            .immediate();
    }
    async query(sql, params = []) {
        return this.db.prepare(sql).all(...params);
    }
    async queryArrays(sql, params = []) {
        return this.db.prepare(sql).raw(true).all(...params);
    }
    async close() {
        if (this.db.open)
            this.db.close();
    }
    checkpointsNow() {
        const rows = this.db
            .prepare(`SELECT projection, position FROM ${CHECKPOINT_TABLE.name}`)
            .all();
        return new Map(rows.map((row) => [row.projection, row.position]));
    }
    /** Many rows per statement: a rebuild spends less in the driver than one row per call would. */
    insertRows({ table, values }) {
        const width = table.columns.length;
        const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS_PER_INSERT / width));
        const rows = values.length / width;
        for (let start = 0; start < rows; start += perStatement) {
            const count = Math.min(perStatement, rows - start);
            this.insertFor(table, count).run(values.slice(start * width, (start + count) * width));
        }
    }
    insertFor(table, rowCount) {
        const key = `${table.name}:${rowCount}`;
        let statement = this.inserts.get(key);
        if (!statement) {
            statement = this.db.prepare(insertStatement(table, rowCount));
            this.inserts.set(key, statement);
        }
        return statement;
    }
}
//# sourceMappingURL=sqlite-read-model-database.js.map