// A PostgreSQL schema of a test's own on the shared server (POSTGRES_URL), so that test runs and
// suites never see each other's tables; `drop` removes it with everything in it.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * @typedef {{
 *   schema: string,
 *   url: string,
 *   query<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>,
 *   drop(): Promise<void>,
 * }} TestSchema
 * `url` opens a store or vault in the schema (`?schema=`); `query` runs one statement on a plain
 * connection of its own, outside whatever the test opened.
 */

/** @param {string} purpose part of the schema's name, for finding a leftover one @returns {TestSchema} */
export function freshTestSchema(purpose) {
  const schema = `test_${purpose}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  /** @type {TestSchema['query']} */
  const query = async (text, values) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    schema,
    url: url.toString(),
    query,
    drop: async () => {
      await query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    },
  };
}
