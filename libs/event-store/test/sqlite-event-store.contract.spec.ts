import { afterAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/adapters/sqlite/sqlite-event-store.js';
import { describeEventStoreContract } from '../src/contract/index.js';

const folder = mkdtempSync(join(tmpdir(), 'bluehelm-sqlite-contract-'));

describeEventStoreContract({
  adapter: 'sqlite',
  open: () => SqliteEventStore.open(join(folder, 'events.db')),
});

// Runs after the suite's own afterAll has closed the store.
afterAll(() => rmSync(folder, { recursive: true, force: true }));
