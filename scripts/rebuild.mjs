#!/usr/bin/env node
// npm run rebuild -- <read models>...: builds the service that owns them, then drops them and
// rebuilds them from position zero of the event log, with a progress bar and the rate achieved.
// `analytics` is the indicator and report read models, `access-trail` the access trail: both are
// the analytics service's, each rebuilt without touching the other. Stop the service first; the
// rebuild reads the same settings (EVENT_STORE_URL, ANALYTICS_DB_URL, ...) from the environment,
// with the same defaults, relative to the repository root as `npm start`.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-dependencies.mjs';
import { runOrExit } from './lib/run-command.mjs';

const rebuilders = {
  analytics: { project: 'services/analytics', entry: 'services/analytics/dist/rebuild.js', args: ['analytics'] },
  'access-trail': { project: 'services/analytics', entry: 'services/analytics/dist/rebuild.js', args: ['access-trail'] },
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in rebuilders));
if (requested.length === 0 || unknown.length > 0) {
  const named = unknown.length > 0 ? `Unknown read models ${unknown.join(', ')}; ` : 'Name the read models; ';
  console.error(`${named}choose from: ${Object.keys(rebuilders).join(', ')} (npm run rebuild -- analytics)`);
  process.exit(2);
}

ensureDependencies(root);
for (const project of new Set(requested.map((name) => rebuilders[name].project))) runOrExit('npx', ['tsc', '-b', project]);
for (const name of requested) {
  const { entry, args } = rebuilders[name];
  const run = spawnSync(process.execPath, [entry, ...args], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
