#!/usr/bin/env node
// npm run rebuild -- <service>: builds the service, then drops its read models and rebuilds them
// from position zero of the event log, with a progress bar and the rate achieved. Stop the
// service first; the rebuild reads the same settings (EVENT_STORE_URL, ANALYTICS_DB_URL, ...)
// from the environment, with the same defaults, relative to the repository root as `npm start`.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-dependencies.mjs';
import { runOrExit } from './lib/run-command.mjs';

const rebuilders = {
  analytics: 'services/analytics/dist/rebuild.js',
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in rebuilders));
if (requested.length === 0 || unknown.length > 0) {
  const named = unknown.length > 0 ? `Unknown service ${unknown.join(', ')}; ` : 'Name a service; ';
  console.error(`${named}choose from: ${Object.keys(rebuilders).join(', ')} (npm run rebuild -- analytics)`);
  process.exit(2);
}

ensureDependencies(root);
for (const name of requested) {
  runOrExit('npx', ['tsc', '-b', `services/${name}`]);
  const run = spawnSync(process.execPath, [rebuilders[name]], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
