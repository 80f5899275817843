import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostgresEventStore } from '../src/adapters/postgres/postgres-event-store.js';
import { freshTestSchema } from './fixtures/postgres-test-schema.js';
import { killAfterAcknowledged } from './fixtures/kill-after-acknowledged.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const repositoryDir = join(projectDir, '..', '..');
const builtAdapter = join(projectDir, 'dist/adapters/postgres/postgres-event-store.js');
const sources = join(projectDir, 'src');
const ACKNOWLEDGED_BEFORE_KILL = 300;

/** The child process runs the built package: build it when it is missing or older than a source file. */
function ensureBuilt(): void {
  const sourceFiles = readdirSync(sources, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const newestSource = Math.max(...sourceFiles.map((file) => statSync(join(sources, file)).mtimeMs));
  if (existsSync(builtAdapter) && statSync(builtAdapter).mtimeMs >= newestSource) return;
  // --force: a build that believes itself up to date would not bring back a deleted output file.
  // tsc emits even when another part of the project fails to type-check; the check below is what counts.
  spawnSync('npx', ['tsc', '-b', '--force', 'libs/event-store'], { cwd: repositoryDir, stdio: 'ignore' });
  if (!existsSync(builtAdapter)) throw new Error(`building libs/event-store did not produce ${builtAdapter}`);
}

// Contract point 12: an append that returned success survives a kill -9 of the writing process.
describe('postgres event store durability', () => {
  const testSchema = freshTestSchema('durability');

  beforeAll(() => ensureBuilt(), 180_000);
  afterAll(() => testSchema.drop());

  it('runs where the server honours synchronous commit', async () => {
    const [setting] = await testSchema.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    expect(setting?.synchronous_commit).not.toBe('off');
  });

  it('keeps every acknowledged append after the writing process is killed with SIGKILL', async () => {
    const child = spawn(process.execPath, [join(projectDir, 'test/fixtures/postgres-append-loop.mjs'), testSchema.url, 'durable-1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged = await killAfterAcknowledged(child, ACKNOWLEDGED_BEFORE_KILL);
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);

    const store = await PostgresEventStore.connect(testSchema.url);
    try {
      const stored = await store.readStream('durable-1');
      const storedIds = new Set(stored.map((event) => event.id));
      expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
      // At most the append in flight at the kill may have committed without being printed.
      expect(stored.length - acknowledged.length).toBeLessThanOrEqual(1);
      expect(stored.map((event) => event.revision)).toEqual(stored.map((_, index) => index));
      expect(stored.slice(0, acknowledged.length).map((event) => event.id)).toEqual(acknowledged);
    } finally {
      await store.close();
    }
  }, 60_000);
});
