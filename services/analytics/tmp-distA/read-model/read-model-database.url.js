/** `sqlite:<file>` or `postgres://...` (`postgresql://` too), as ANALYTICS_DB_URL accepts them. */
export const READ_MODEL_DATABASE_URL_PATTERN = /^(?:sqlite:.+|postgres(?:ql)?:\/\/.+)$/;
/** The PostgreSQL schema the read models live in when the URL names none. */
export const DEFAULT_POSTGRES_SCHEMA = 'analytics';
export class InvalidReadModelDatabaseUrlError extends Error {
    constructor(url, reason) {
        super(`ANALYTICS_DB_URL "${url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}" is not usable: ${reason}`);
        this.name = 'InvalidReadModelDatabaseUrlError';
    }
}
/**
 * Reads ANALYTICS_DB_URL. A PostgreSQL URL may carry `?schema=<name>` (default `analytics`), so
 * that the read models never share tables with an event store in the same database.
 */
export function readModelDatabaseLocationOf(url) {
    if (!READ_MODEL_DATABASE_URL_PATTERN.test(url)) {
        throw new InvalidReadModelDatabaseUrlError(url, 'use sqlite:<file> or postgres://user@host:port/db');
    }
    if (url.startsWith('sqlite:'))
        return { kind: 'sqlite', file: url.slice('sqlite:'.length) };
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? DEFAULT_POSTGRES_SCHEMA;
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
        throw new InvalidReadModelDatabaseUrlError(url, `the schema "${schema}" must be lower-case letters, digits and _`);
    }
    parsed.searchParams.delete('schema');
    return { kind: 'postgres', connectionString: parsed.toString(), schema };
}
//# sourceMappingURL=read-model-database.url.js.map