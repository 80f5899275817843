import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createEventStore } from '@bluehelm/event-store';
import { verifyChain } from '../src/chain-verifier.js';
import { killAfterAcknowledged } from '../../event-store/test/fixtures/kill-after-acknowledged.js';

const repositoryDir = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/chained-append-loop.mjs', import.meta.url));
const POSTGRES_URL = process.env['POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const ACKNOWLEDGED_BEFORE_KILL = 200;

/** The child runs the built packages; `npm test` builds them first, a lone run builds them here. */
function ensureBuilt(): void {
  const built = ['libs/event-store/dist/index.js', 'libs/event-sourcing/dist/index.js'];
  if (built.every((file) => existsSync(join(repositoryDir, file)))) return;
  spawnSync('npx', ['tsc', '-b', 'libs/event-sourcing'], { cwd: repositoryDir, stdio: 'ignore' });
}

describe.each(['sqlite', 'postgres'] as const)('hash-chained appends survive SIGKILL (%s)', (kind) => {
  const schema = `chain_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const workDir = mkdtempSync(join(tmpdir(), 'chain-durability-'));
  const url = kind === 'sqlite' ? `sqlite:${join(workDir, 'events.db')}` : `${POSTGRES_URL}?schema=${schema}`;

  beforeAll(() => ensureBuilt(), 180_000);
  afterAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
    if (kind !== 'postgres') return;
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('keeps every acknowledged command with an intact hash chain after the writer is killed', async () => {
    const stream = `ledger-${randomUUID()}`;
    const child = spawn(process.execPath, [fixture, url, stream], { cwd: repositoryDir, stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged = await killAfterAcknowledged(child, ACKNOWLEDGED_BEFORE_KILL);
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);

    const store = await createEventStore(url);
    try {
      const stored = await store.readStream(stream);
      const storedIds = new Set(stored.map((event) => event.id));
      expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
      expect(stored.length - acknowledged.length).toBeLessThanOrEqual(1); // the append in flight at the kill
      expect(verifyChain(stored)).toMatchObject({ intact: true, eventCount: stored.length });
    } finally {
      await store.close();
    }
  }, 60_000);
});
