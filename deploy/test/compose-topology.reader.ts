/** Reads deploy/compose.yaml into the Topology the deployment tests check. */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { readNatsServerConfig } from './nats-config.reader.js';
import {
  FROM_OUTSIDE,
  KURRENTDB_DATA,
  KURRENTDB_IMAGES,
  type DeployedService,
  type EnvironmentEntry,
  type HttpCheck,
  type KurrentDbNode,
  type NatsNode,
  type Topology,
  type ValueOrigin,
} from './topology.js';
import { at, listOf, mapOf, readYamlDocuments, textOf, textsOf, type YamlMap } from './yaml-values.js';

const COMPOSE_DEFAULT_STOP_SECONDS = 10;

export interface ComposeFile {
  readonly deployDir: string;
  readonly services: ReadonlyMap<string, YamlMap>;
  /** Top-level secrets by name. */
  readonly secrets: ReadonlyMap<string, YamlMap>;
}

export function readComposeFile(deployDir: string): ComposeFile {
  const [compose] = readYamlDocuments(join(deployDir, 'compose.yaml'));
  return {
    deployDir,
    services: new Map(Object.entries(mapOf(compose?.['services'])).map(([name, service]) => [name, mapOf(service)])),
    secrets: new Map(Object.entries(mapOf(compose?.['secrets'])).map(([name, secret]) => [name, mapOf(secret)])),
  };
}

export function composeTopology(compose: ComposeFile, serviceNames: readonly string[]): Topology {
  const services = new Map<string, DeployedService>();
  for (const name of serviceNames) {
    const service = compose.services.get(name);
    if (service !== undefined) services.set(name, deployedService(compose, name, service));
  }
  const all = [...compose.services];
  const postgres = all.filter(([, service]) => imageOf(service).startsWith('postgres:'));
  return {
    name: 'Compose',
    services,
    images: all.map(([, service]) => imageOf(service)),
    environment: all.flatMap(([name, service]) => environmentEntries(compose, name, service)),
    kurrentDbNodes: all.filter(([, service]) => KURRENTDB_IMAGES.test(imageOf(service))).map(([name, service]) => kurrentDbNode(name, service)),
    natsNodes: all.filter(([, service]) => imageOf(service).startsWith('nats:')).map(([name, service]) => natsNode(compose, name, service)),
    postgresHosts: postgres.map(([name]) => name),
    postgresVariables: new Set(postgres.flatMap(([, service]) => [...rawEnvironmentOf(service).keys()])),
  };
}

const INTERPOLATION = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

/**
 * Compose's interpolation as it bears on what is committed: a default stands for its variable;
 * a variable without one comes from the operator's environment or deploy/.env.
 */
export function interpolated(value: string): string {
  return value.replace(INTERPOLATION, (match: string, _name?: string, operator?: string, text?: string) => {
    if (match === '$$') return '$';
    return operator === '-' || operator === ':-' ? (text ?? '') : FROM_OUTSIDE;
  });
}

function imageOf(service: YamlMap): string {
  return interpolated(textOf(service['image']) ?? '');
}

/** The environment as written, before interpolation. */
function rawEnvironmentOf(service: YamlMap): Map<string, string> {
  const environment = service['environment'];
  const pairs = Array.isArray(environment)
    ? textsOf(environment).map((line): [string, string] => [line.split('=')[0] ?? line, line.slice(line.indexOf('=') + 1)])
    : Object.entries(mapOf(environment)).map(([name, value]): [string, string] => [name, textOf(value) ?? '']);
  return new Map(pairs);
}

function environmentOf(service: YamlMap): Map<string, string> {
  return new Map([...rawEnvironmentOf(service)].map(([name, value]) => [name, interpolated(value)]));
}

/** The variables whose value is one operator variable and nothing else, such as `${NAME:?...}`. */
function environmentOriginsOf(service: YamlMap): Map<string, ValueOrigin> {
  return new Map(
    [...rawEnvironmentOf(service)].flatMap(([name, value]): [string, ValueOrigin][] => {
      const variable = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?\?[^}]*)?\}$/.exec(value)?.[1];
      return variable === undefined ? [] : [[name, `environment ${variable}`]];
    }),
  );
}

/**
 * The variables whose value may come out empty: each part from outside counts as empty unless
 * Compose refuses an empty one (`${NAME:?...}`) or puts a default in its place (`${NAME:-x}`).
 */
function mayBeEmptyOf(service: YamlMap): Set<string> {
  const emptiest = (value: string): string =>
    value.replace(INTERPOLATION, (match: string, _name?: string, operator?: string, text?: string) => {
      if (match === '$$') return '$';
      if (operator === ':?') return FROM_OUTSIDE;
      return operator === ':-' ? (text ?? '') : '';
    });
  return new Set([...rawEnvironmentOf(service)].filter(([, value]) => emptiest(value).trim() === '').map(([name]) => name));
}

/**
 * Where the service's secrets are mounted, with where each comes from. Compose mounts a secret
 * at /run/secrets/<name> unless its long form names a target (relative ones below /run/secrets).
 */
function secretMountsOf(compose: ComposeFile, service: YamlMap): Map<string, ValueOrigin> {
  return new Map(
    listOf(service['secrets']).map((secret): [string, ValueOrigin] => {
      const source = typeof secret === 'string' ? secret : (textOf(mapOf(secret)['source']) ?? '');
      const target = typeof secret === 'string' ? undefined : textOf(mapOf(secret)['target']);
      const path = target === undefined ? `/run/secrets/${source}` : posix.resolve('/run/secrets', target);
      const declared = compose.secrets.get(source) ?? {};
      const file = textOf(declared['file']);
      const origin = file !== undefined ? `file ${file}` : `environment ${textOf(declared['environment']) ?? '?'}`;
      return [path, origin];
    }),
  );
}

function environmentEntries(compose: ComposeFile, owner: string, service: YamlMap): EnvironmentEntry[] {
  const secretMounts = [...secretMountsOf(compose, service).keys()];
  return [...environmentOf(service)].map(([name, value]) => ({ owner, name, value, secretMounts }));
}

function deployedService(compose: ComposeFile, name: string, service: YamlMap): DeployedService {
  const limits = mapOf(at(service, 'deploy', 'resources', 'limits'));
  return {
    name,
    replicas: Number(textOf(at(service, 'deploy', 'replicas')) ?? 1),
    image: imageOf(service),
    startedAs: textsOf(service['command'])[0],
    containerPort: undefined,
    settings: environmentOf(service),
    settingOrigins: environmentOriginsOf(service),
    mayBeEmpty: mayBeEmptyOf(service),
    secretMounts: secretMountsOf(compose, service),
    readiness: healthCheckOf(service),
    liveness: undefined,
    hasResourceLimits: textOf(limits['cpus']) !== undefined && textOf(limits['memory']) !== undefined,
    secondsToStop: secondsOf(textOf(service['stop_grace_period'])) ?? COMPOSE_DEFAULT_STOP_SECONDS,
  };
}

/** The local URL the health check asks, e.g. ["CMD", "node", "probe.mjs", "http://127.0.0.1:8081/health/ready"]. */
function healthCheckOf(service: YamlMap): HttpCheck | undefined {
  const url = textsOf(at(service, 'healthcheck', 'test'))
    .join(' ')
    .match(/https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)(\/\S*)/);
  return url ? { port: Number(url[1]), path: url[2] ?? '/' } : undefined;
}

/** A Compose duration such as 30s, 1m or 1m30s. */
function secondsOf(duration: string | undefined): number | undefined {
  if (duration === undefined) return undefined;
  const parts = [...duration.matchAll(/(\d+)(h|m|s)/g)];
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1), 0);
}

/** Volume mounts as { source, target }, from the short ("src:/target:ro") or the long form. */
function volumesOf(service: YamlMap): { source: string; target: string }[] {
  return listOf(service['volumes']).map((volume) => {
    if (typeof volume === 'string') {
      const [source = '', target = ''] = volume.split(':');
      return { source, target };
    }
    return { source: textOf(mapOf(volume)['source']) ?? '', target: textOf(mapOf(volume)['target']) ?? '' };
  });
}

function kurrentDbNode(name: string, service: YamlMap): KurrentDbNode {
  const environment = environmentOf(service);
  const seeds = environment.get('KURRENTDB_GOSSIP_SEED') ?? environment.get('EVENTSTORE_GOSSIP_SEED') ?? '';
  return {
    host: name,
    address: `${name}:2113`,
    volume: volumesOf(service).find((volume) => volume.target === KURRENTDB_DATA)?.source,
    clusterSize: environment.get('KURRENTDB_CLUSTER_SIZE') ?? environment.get('EVENTSTORE_CLUSTER_SIZE'),
    peers: seeds.split(',').filter((seed) => seed !== ''),
  };
}

function natsNode(compose: ComposeFile, name: string, service: YamlMap): NatsNode {
  const command = textsOf(service['command']);
  const configFlag = command.findIndex((argument) => argument === '--config' || argument === '-c');
  const configPath = configFlag >= 0 ? command[configFlag + 1] : undefined;
  const configSource = volumesOf(service).find((volume) => configPath !== undefined && volume.target === configPath)?.source;
  const config = readNatsServerConfig(configSource ? readFileSync(join(compose.deployDir, configSource), 'utf8') : '');
  // An include is relative to the configuration's folder in the container: read the file mounted there.
  const includedFiles = new Map(
    config.includes.flatMap((include): [string, string][] => {
      const target = posix.resolve(posix.dirname(configPath ?? '/'), include);
      const source = volumesOf(service).find((volume) => volume.target === target)?.source;
      const file = source === undefined ? undefined : join(compose.deployDir, source);
      return file !== undefined && existsSync(file) ? [[include, readFileSync(file, 'utf8')]] : [];
    }),
  );
  return {
    host: name,
    address: `${name}:4222`,
    volume: volumesOf(service).find((volume) => volume.target === config.jetStreamStoreDir)?.source,
    routes: config.routes,
    jetStreamStoreDir: config.jetStreamStoreDir,
    includedFiles,
    variableOrigins: environmentOriginsOf(service),
  };
}
