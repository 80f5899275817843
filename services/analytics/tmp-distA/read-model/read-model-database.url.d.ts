/** `sqlite:<file>` or `postgres://...` (`postgresql://` too), as ANALYTICS_DB_URL accepts them. */
export declare const READ_MODEL_DATABASE_URL_PATTERN: RegExp;
/** The PostgreSQL schema the read models live in when the URL names none. */
export declare const DEFAULT_POSTGRES_SCHEMA = "analytics";
export type ReadModelDatabaseLocation = {
    readonly kind: 'sqlite';
    readonly file: string;
} | {
    readonly kind: 'postgres';
    readonly connectionString: string;
    readonly schema: string;
};
export declare class InvalidReadModelDatabaseUrlError extends Error {
    readonly name = "InvalidReadModelDatabaseUrlError";
    constructor(url: string, reason: string);
}
/**
 * Reads ANALYTICS_DB_URL. A PostgreSQL URL may carry `?schema=<name>` (default `analytics`), so
 * that the read models never share tables with an event store in the same database.
 */
export declare function readModelDatabaseLocationOf(url: string): ReadModelDatabaseLocation;
//# sourceMappingURL=read-model-database.url.d.ts.map