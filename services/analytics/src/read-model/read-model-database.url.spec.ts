import { describe, expect, it } from '@jest/globals';
import { InvalidReadModelDatabaseUrlError, readModelDatabaseLocationOf } from './read-model-database.url.js';

describe('the read-model database setting', () => {
  it('names a sqlite file', () => {
    expect(readModelDatabaseLocationOf('sqlite:./data/analytics.db')).toEqual({ kind: 'sqlite', file: './data/analytics.db' });
  });

  it('names a PostgreSQL database and its schema, analytics unless the URL says otherwise', () => {
    expect(readModelDatabaseLocationOf('postgres://postgres@127.0.0.1:5432/test')).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://postgres@127.0.0.1:5432/test',
      schema: 'analytics',
    });
    expect(readModelDatabaseLocationOf('postgresql://u:p@db/bluehelm?schema=reports&sslmode=disable')).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://u:p@db/bluehelm?sslmode=disable',
      schema: 'reports',
    });
  });

  it('refuses a schema name that could not be written into SQL as it stands', () => {
    expect(() => readModelDatabaseLocationOf('postgres://db/x?schema=a;drop')).toThrow(InvalidReadModelDatabaseUrlError);
  });
});
