#!/usr/bin/env node
// npm run bench -- <suite>: builds, makes sure the servers a suite needs are up, and runs it.
// Each suite prints its figures beside a raw baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-dependencies.mjs';
import { runOrExit } from './lib/run-command.mjs';
import { ensureNats, ensurePostgres, preparePostgresForTests } from './lib/ensure-test-servers.mjs';

const suites = {
  'event-store': 'libs/event-store/dist/bench/event-store.bench.js',
  intake: 'scripts/bench/intake.bench.mjs',
  analytics: 'services/analytics/dist/bench/analytics.bench.js',
  cluster: 'scripts/bench/cluster.bench.mjs',
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
process.env.NATS_URL ??= 'nats://127.0.0.1:4222';
process.env.POSTGRES_URL ??= 'postgres://postgres@127.0.0.1:5432/test';

ensureDependencies(root);
await ensureNats(process.env.NATS_URL, '/tmp/bluehelm-test-nats');
await ensurePostgres(process.env.POSTGRES_URL);
preparePostgresForTests(process.env.POSTGRES_URL);
runOrExit('npx', ['tsc', '-b', 'tsconfig.build.json']);

for (const name of requested.length > 0 ? requested : Object.keys(suites)) {
  console.log(`\n## ${name}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', suites[name]], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
