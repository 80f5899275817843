import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { findBinary } from './find-binary.mjs';
import { isRoot, runOrExit } from './run-command.mjs';

/** True when something accepts TCP connections on host:port. */
export function answers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function waitUntilAnswers(host, port, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(host, port)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.error(`${what} did not start answering on ${host}:${port} within ${timeoutMs / 1000} s`);
  process.exit(1);
}

/** host and port of the first server of a URL list such as nats://a:4222,nats://b:4222 */
export function firstServer(urls, defaultPort) {
  const first = new URL(urls.split(',')[0].trim());
  return { host: first.hostname || '127.0.0.1', port: Number(first.port || defaultPort) };
}

let aptUpdated = false;
function aptInstall(debianPackage) {
  if (!aptUpdated) runOrExit('apt-get', ['update', '-qq']);
  aptUpdated = true;
  runOrExit('apt-get', ['install', '-y', '-qq', debianPackage], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function installOrExit(debianPackage, purpose) {
  if (!isRoot()) {
    console.error(`${purpose} is not running and cannot be installed without root: install the Debian package "${debianPackage}" (apt-get install ${debianPackage}) and start it, then run npm test again.`);
    process.exit(1);
  }
  console.log(`Installing ${debianPackage} from the OS packages...`);
  aptInstall(debianPackage);
}

/** Makes sure a NATS server with JetStream answers at natsUrl, starting one (detached) if needed. */
export async function ensureNats(natsUrl, dataDir) {
  const { host, port } = firstServer(natsUrl, 4222);
  if (await answers(host, port)) return;
  let binary = findBinary('nats-server');
  if (!binary) {
    installOrExit('nats-server', 'NATS');
    binary = findBinary('nats-server');
  }
  mkdirSync(dataDir, { recursive: true });
  console.log(`Starting NATS with JetStream on ${host}:${port}...`);
  const server = spawn(binary, ['-js', '-a', host, '-p', String(port), '-sd', dataDir], {
    detached: true,
    stdio: 'ignore',
  });
  server.unref();
  await waitUntilAnswers(host, port, 'nats-server');
}

function postgresVersions() {
  return existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
}

/** Makes sure PostgreSQL answers at postgresUrl, installing and starting the OS package when root. */
export async function ensurePostgres(postgresUrl) {
  const { host, port } = firstServer(postgresUrl.replace(/^postgres(ql)?:/, 'http:'), 5432);
  if (await answers(host, port)) return;
  if (postgresVersions().length === 0) installOrExit('postgresql', 'PostgreSQL');
  if (!isRoot()) {
    console.error(`PostgreSQL is installed but not answering on ${host}:${port}: start it (pg_ctlcluster <version> main start) and run npm test again.`);
    process.exit(1);
  }
  for (const version of postgresVersions()) {
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  }
  await waitUntilAnswers(host, port, 'PostgreSQL');
}

/**
 * A fresh PostgreSQL package asks for passwords on TCP; tests connect as `postgres` with trust on
 * loopback, and use the database named in the URL. Done through psql as the postgres OS user.
 */
export function preparePostgresForTests(postgresUrl) {
  const database = new URL(postgresUrl.replace(/^postgres(ql)?:/, 'http:')).pathname.slice(1) || 'postgres';
  const probe = spawnSync('psql', [postgresUrl, '-Atc', 'select 1'], { encoding: 'utf8' });
  if (probe.status === 0) return;
  if (!isRoot()) {
    console.error(`Cannot connect to ${postgresUrl}: ${probe.stderr.trim()}. Allow trust for 127.0.0.1 in pg_hba.conf and create the database "${database}".`);
    process.exit(1);
  }
  for (const version of postgresVersions()) {
    const hba = `/etc/postgresql/${version}/main/pg_hba.conf`;
    spawnSync('sh', ['-c', `grep -q "bluehelm tests" ${hba} || sed -i '1i host all all 127.0.0.1/32 trust # bluehelm tests' ${hba}`]);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'reload']);
  }
  spawnSync('su', ['postgres', '-c', `createdb ${database}`], { stdio: 'ignore' });
  const again = spawnSync('psql', [postgresUrl, '-Atc', 'select 1'], { encoding: 'utf8' });
  if (again.status !== 0) {
    console.error(`Cannot connect to ${postgresUrl} after preparing PostgreSQL: ${again.stderr.trim()}`);
    process.exit(1);
  }
}
