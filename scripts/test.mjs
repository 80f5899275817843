#!/usr/bin/env node
// npm test: installs what is missing, makes sure NATS and PostgreSQL are up, builds, lints,
// and runs every test. Ends with one line "tests: N passed, N failed" for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-dependencies.mjs';
import { runOrExit } from './lib/run-command.mjs';
import { ensureNats, ensurePostgres, preparePostgresForTests } from './lib/ensure-test-servers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const natsUrl = (process.env.NATS_URL ??= 'nats://127.0.0.1:4222');
const postgresUrl = (process.env.POSTGRES_URL ??= 'postgres://postgres@127.0.0.1:5432/test');

ensureDependencies(root);
await ensureNats(natsUrl, '/tmp/bluehelm-test-nats');
await ensurePostgres(postgresUrl);
preparePostgresForTests(postgresUrl);

console.log('Building...');
runOrExit('npx', ['tsc', '-b', 'tsconfig.build.json']);
console.log('Linting...');
// The module-boundary rule reads Nx's project graph; compute it first or the rule is skipped.
runOrExit('npx', ['nx', 'show', 'projects'], { env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
runOrExit('npx', ['eslint', '.']);

mkdirSync('tmp', { recursive: true });
const resultsFile = 'tmp/jest-results.json';
const jest = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let summary = 'tests: 0 passed, 1 failed';
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  summary = `tests: ${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed`;
} catch {
  console.error('Jest wrote no results file.');
}
console.log(summary);
process.exit(jest.status ?? 1);
