import { afterAll, describe, expect, it } from '@jest/globals';
import { InvalidPostgresSchemaNameError } from '../src/adapters/postgres/postgres-connection.options.js';
import { PostgresEventStore } from '../src/adapters/postgres/postgres-event-store.js';
import { newEvents } from '../src/contract/index.js';
import { freshTestSchema, POSTGRES_URL } from './fixtures/postgres-test-schema.js';

describe('postgres event store schema', () => {
  const testSchema = freshTestSchema('migration');
  afterAll(() => testSchema.drop());

  it('is created once when several connections open a fresh schema at the same moment', async () => {
    const stores = await Promise.all(Array.from({ length: 6 }, () => PostgresEventStore.connect(testSchema.url)));
    try {
      const versions = await testSchema.query<{ version: number }>(
        `SELECT version FROM ${testSchema.schema}.schema_migrations ORDER BY version`,
      );
      expect(versions.map((row) => row.version)).toEqual([1]);
      const results = await Promise.all(
        stores.map((store, index) => store.appendToStream(`opened-${index}`, newEvents(1))),
      );
      expect(results.map((result) => result.nextExpectedRevision)).toEqual([0, 0, 0, 0, 0, 0]);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('keeps what is stored when a later connection finds the schema up to date', async () => {
    const first = await PostgresEventStore.connect(POSTGRES_URL, { schema: testSchema.schema });
    await first.appendToStream('kept-1', newEvents(2));
    await first.close();
    const second = await PostgresEventStore.connect(testSchema.url);
    try {
      expect(await second.readStream('kept-1')).toHaveLength(2);
    } finally {
      await second.close();
    }
  });

  it('refuses a schema name it would have to quote', async () => {
    await expect(PostgresEventStore.connect(POSTGRES_URL, { schema: 'Robert"; DROP' })).rejects.toBeInstanceOf(
      InvalidPostgresSchemaNameError,
    );
  });
});
