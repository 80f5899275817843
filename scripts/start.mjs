#!/usr/bin/env node
// npm start: installs and builds what is missing, makes sure NATS answers (starting a local
// nats-server if needed), runs the five services with their output tagged by name, and waits
// until the gateway says the whole system is ready. Ctrl-C stops everything in order.
// Plain Node with no dependencies, so that it runs before `npm install`.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-dependencies.mjs';
import { answers, firstServer } from './lib/ensure-test-servers.mjs';
import { NatsServerNotInstalledError, startNatsServer } from './lib/nats-server-process.mjs';
import { spawnPrefixed, stopChild } from './lib/prefixed-child.mjs';
import { runOrExit } from './lib/run-command.mjs';
import { waitForHttp } from './lib/wait-for-http.mjs';
import { unlinkedWorkspacePackages } from './lib/workspace-links.mjs';

// The same names as SERVICE_NAMES in contracts/src/subjects.ts; each service has its own port.
const SERVICES = ['gateway', 'intake', 'case-tracking', 'analytics', 'notification'];
const GATEWAY_URL = 'http://localhost:8080';
const LABEL_WIDTH = Math.max(...SERVICES.map((name) => name.length));
const SERVICE_STOP_GRACE_MS = 20_000;
const READY_TIMEOUT_MS = 60_000;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

ensureDependencies(root);
const unlinked = unlinkedWorkspacePackages(root);
if (unlinked.length > 0) {
  console.log(`Linking new workspace packages (${unlinked.join(', ')})...`);
  runOrExit('npm', ['install', '--no-audit', '--no-fund']);
}
console.log('Building...');
runOrExit('npx', ['tsc', '-b', 'tsconfig.build.json']);

const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const childEnv = { ...process.env, NATS_URL: natsUrl, EVENT_STORE_URL: process.env.EVENT_STORE_URL ?? 'sqlite:./data/events.db' };
// One PORT for five services would clash: each keeps its own default.
delete childEnv.PORT;
mkdirSync('data', { recursive: true });

let natsServer;
const services = new Map();
let stopping = false;

process.once('SIGINT', () => void stopAll('SIGINT', 0));
process.once('SIGTERM', () => void stopAll('SIGTERM', 0));

try {
  if (!process.env.AUTH_JWKS_URL) await writeDevTokens();
  natsServer = await ensureNatsAnswers(natsUrl);
  for (const name of SERVICES) startService(name);
  await waitForHttp(`${GATEWAY_URL}/v1/health`, {
    timeoutMs: READY_TIMEOUT_MS,
    giveUp: () => (stopping ? 'stopping' : undefined),
  });
  console.log(`Bluehelm is running at ${GATEWAY_URL}`);
} catch (error) {
  if (!stopping) {
    console.error(error instanceof Error ? error.message : String(error));
    await stopAll('a failed start', 1);
  }
}

/**
 * Without an identity provider, a development key signs one token per role: written to
 * data/dev-tokens.json (owner-readable only) and printed, so that the API can be tried at once.
 * Imported only now, after the build, because the start script must run before any install.
 */
async function writeDevTokens() {
  const { writeDevelopmentTokens } = await import('../libs/access/dist/index.js');
  const devKeyDir = process.env.AUTH_DEV_KEY_DIR ?? 'data/dev-auth';
  const tokens = await writeDevelopmentTokens('data', devKeyDir);
  console.log('Development tokens (also in data/dev-tokens.json), valid 30 days; send as "Authorization: Bearer <token>":');
  for (const [role, token] of Object.entries(tokens)) console.log(`  ${role.padEnd(12)} ${token}`);
}

/** Resolves with the nats-server child we started, or undefined when NATS already answers. */
async function ensureNatsAnswers(url) {
  const { host, port } = firstServer(url, 4222);
  if (await answers(host, port)) return undefined;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`NATS does not answer at ${url}; start it, or unset NATS_URL to use a local one`);
  }
  console.log(`Starting nats-server with JetStream on 127.0.0.1:${port}...`);
  try {
    const child = await startNatsServer({ port, storeDir: 'data/nats', labelWidth: LABEL_WIDTH });
    child.once('exit', (code, signal) => onUnexpectedExit('nats-server', code, signal));
    return child;
  } catch (error) {
    if (error instanceof NatsServerNotInstalledError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

function startService(name) {
  const child = spawnPrefixed(name, process.execPath, [`services/${name}/dist/main.js`], {
    env: childEnv,
    labelWidth: LABEL_WIDTH,
  });
  child.once('exit', (code, signal) => onUnexpectedExit(name, code, signal));
  services.set(name, child);
}

function onUnexpectedExit(name, code, signal) {
  if (stopping) return;
  console.error(`${name} exited unexpectedly (${signal ?? `exit code ${code}`}); stopping Bluehelm`);
  void stopAll(`${name} exited`, 1);
}

/** Services first (they drain NATS and close the event store), then the NATS server we started. */
async function stopAll(reason, exitCode) {
  if (stopping) return;
  stopping = true;
  console.log(`Stopping Bluehelm (${reason})...`);
  await Promise.all([...services.values()].map((child) => stopChild(child, SERVICE_STOP_GRACE_MS)));
  if (natsServer) await stopChild(natsServer, 5_000);
  process.exit(exitCode);
}
