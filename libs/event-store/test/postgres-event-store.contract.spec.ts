import { afterAll } from '@jest/globals';
import { PostgresEventStore } from '../src/adapters/postgres/postgres-event-store.js';
import { describeEventStoreContract } from '../src/contract/index.js';
import { freshTestSchema } from './fixtures/postgres-test-schema.js';

const testSchema = freshTestSchema('contract');

describeEventStoreContract({
  adapter: 'postgres',
  open: () => PostgresEventStore.connect(testSchema.url),
});

// Runs after the suite's own afterAll has closed the store.
afterAll(() => testSchema.drop());
