// Three nats-server processes on loopback as one JetStream cluster, for system tests and
// benchmarks that must show the services riding through the loss of a node.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary } from './find-binary.mjs';
import { findFreePort } from './free-port.mjs';
import { NatsServerNotInstalledError } from './nats-server-process.mjs';
import { exitOf, spawnPrefixed, stopChild } from './prefixed-child.mjs';

export const NATS_CLUSTER_NAME = 'bluehelm';
const HOST = '127.0.0.1';

/**
 * @typedef {{ name: string, clientPort: number, clusterPort: number, monitorPort: number,
 *   storeDir: string, child: import('node:child_process').ChildProcess | undefined, lastLines: string[] }} ClusterNode
 * @typedef {{
 *   url: string,
 *   nodes: readonly ClusterNode[],
 *   kill(index: number): Promise<void>,
 *   restart(index: number): Promise<void>,
 *   waitForMetaLeader(timeoutMs?: number): Promise<string>,
 *   stop(): Promise<void>,
 * }} NatsCluster
 */

/** The cluster did not elect a JetStream meta leader in time. */
export class NatsClusterNotReadyError extends Error {
  name = 'NatsClusterNotReadyError';
  /** @param {number} timeoutMs @param {string} last */
  constructor(timeoutMs, last) {
    super(`the NATS cluster had no JetStream meta leader within ${timeoutMs / 1000} s (last answer: ${last})`);
  }
}

/**
 * Starts the nodes n1..n<size>, each with JetStream, its own store folder, a client, a cluster
 * and a monitoring port, routed to all the others; resolves once JetStream has a meta leader, so
 * that streams with `size` replicas can be created at once.
 *
 * @param {{ size?: number, onLine?: (node: string, stream: 'stdout' | 'stderr', line: string) => void,
 *   timeoutMs?: number, configFile?: string }} [options]
 *   `configFile`: a nats-server configuration every node reads first (users and permissions);
 *   the command-line flags for ports, cluster and JetStream still apply over it.
 * @returns {Promise<NatsCluster>}
 */
export async function startNatsCluster(options = {}) {
  // A port found free may be taken by someone else before the server binds it: a node that
  // exits at start is most likely that, so the whole cluster is started again on new ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startNatsClusterOnce(options);
    } catch (error) {
      if (!(error instanceof NatsNodeExitedError) || attempt === 3) throw error;
    }
  }
}

/** A node exited while the cluster was starting. */
export class NatsNodeExitedError extends Error {
  name = 'NatsNodeExitedError';
  /** @param {string} node @param {number | null} code @param {readonly string[]} lastLines */
  constructor(node, code, lastLines) {
    super(`nats-server ${node} exited with code ${code} while the cluster started: ${lastLines.join(' / ')}`);
  }
}

/** @param {{ size?: number, onLine?: (node: string, stream: 'stdout' | 'stderr', line: string) => void, timeoutMs?: number, configFile?: string }} options */
async function startNatsClusterOnce({ size = 3, onLine = () => undefined, timeoutMs = 30_000, configFile }) {
  const binary = findBinary('nats-server');
  if (!binary) throw new NatsServerNotInstalledError();
  const workDir = mkdtempSync(join(tmpdir(), 'bluehelm-nats-cluster-'));
  /** @type {ClusterNode[]} */
  const nodes = [];
  const ports = new Set();
  const distinctFreePort = async () => {
    for (;;) {
      const port = await findFreePort();
      if (!ports.has(port)) return ports.add(port), port;
    }
  };
  for (let index = 1; index <= size; index++) {
    nodes.push({
      name: `n${index}`,
      clientPort: await distinctFreePort(),
      clusterPort: await distinctFreePort(),
      monitorPort: await distinctFreePort(),
      storeDir: join(workDir, `n${index}`),
      child: undefined,
      lastLines: [],
    });
  }

  /** @param {ClusterNode} node */
  const launch = (node) => {
    mkdirSync(node.storeDir, { recursive: true });
    const routes = nodes.filter((other) => other !== node).map((other) => `nats://${HOST}:${other.clusterPort}`);
    const args = [
      ...(configFile === undefined ? [] : ['-c', configFile]),
      '-js', '-sd', node.storeDir,
      '-a', HOST, '-p', String(node.clientPort),
      '-m', String(node.monitorPort),
      '-server_name', node.name,
      '-cluster_name', NATS_CLUSTER_NAME,
      '-cluster', `nats://${HOST}:${node.clusterPort}`,
      '-routes', routes.join(','),
    ];
    // Its own process group, so that Ctrl-C reaches it only through us.
    node.child = spawnPrefixed(node.name, binary, args, { detached: true, onLine: (stream, line) => {
      node.lastLines = [...node.lastLines.slice(-4), line];
      onLine(node.name, stream, line);
    } });
  };

  /** @type {NatsCluster} */
  const cluster = {
    url: nodes.map((node) => `nats://${HOST}:${node.clientPort}`).join(','),
    nodes,
    async kill(index) {
      const child = nodes[index]?.child;
      if (!child) return;
      child.kill('SIGKILL');
      await exitOf(child);
    },
    async restart(index) {
      const node = nodes[index];
      if (node.child && node.child.exitCode === null && node.child.signalCode === null) return;
      launch(node);
    },
    waitForMetaLeader: (waitMs = timeoutMs) => waitForMetaLeader(nodes, waitMs),
    async stop() {
      await Promise.all(nodes.map((node) => (node.child ? stopChild(node.child, 5_000).catch(() => undefined) : undefined)));
      rmSync(workDir, { recursive: true, force: true });
    },
  };

  try {
    nodes.forEach(launch);
    await cluster.waitForMetaLeader();
    return cluster;
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/**
 * Polls /jsz of every running node until each names the same meta leader, and resolves with it.
 * @param {readonly ClusterNode[]} nodes
 * @param {number} timeoutMs
 */
async function waitForMetaLeader(nodes, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const running = nodes.filter((node) => node.child && node.child.exitCode === null && node.child.signalCode === null);
    const exited = nodes.find((node) => node.child && node.child.exitCode !== null);
    if (exited) throw new NatsNodeExitedError(exited.name, exited.child?.exitCode ?? null, exited.lastLines);
    const leaders = await Promise.all(running.map((node) => metaLeaderSeenBy(node).catch((error) => `(${error.message})`)));
    last = leaders.join(', ');
    const [first] = leaders;
    if (first && !first.startsWith('(') && leaders.every((leader) => leader === first)) return first;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new NatsClusterNotReadyError(timeoutMs, last);
}

/** @param {ClusterNode} node @returns {Promise<string>} the meta leader's name, '' if none yet */
async function metaLeaderSeenBy(node) {
  const response = await fetch(`http://${HOST}:${node.monitorPort}/jsz`, { signal: AbortSignal.timeout(1_000) });
  const body = await response.json();
  return body?.meta_cluster?.leader ?? '';
}
