import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PostgresReadModelDatabase, toNumberedPlaceholders } from './postgres-read-model-database.js';
import { describeReadModelDatabase } from './read-model-database.fixtures.js';

const POSTGRES_URL = process.env['POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const schemas: string[] = [];

// Each database of the suite gets a schema of its own, dropped at the end.
describeReadModelDatabase('postgres', async () => {
  const schema = `analytics_spec_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  schemas.push(schema);
  return PostgresReadModelDatabase.connect(POSTGRES_URL, schema);
});

describe('the postgres placeholders', () => {
  it('numbers the question marks of the shared SQL in order', () => {
    expect(toNumberedPlaceholders('SELECT a FROM t WHERE b = ? AND c = ?')).toBe('SELECT a FROM t WHERE b = $1 AND c = $2');
  });
});

afterAll(async () => {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});
