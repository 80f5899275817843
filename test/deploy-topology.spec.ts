// The production topology (deploy/) against the code: no container engine or cluster runs on the
// development machines, so parsing the files and comparing them with the source is the proof.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  needsDeploymentValue,
  readClosingGraceMs,
  readProbePaths,
  readReleaseVersion,
  readServicesInCode,
  readSettingDefaults,
} from '../deploy/test/code-facts.reader.js';
import { composeTopology, readComposeFile } from '../deploy/test/compose-topology.reader.js';
import { postgresUrlOf, readPostgresInitScript } from '../deploy/test/postgres-init.reader.js';
import { kubernetesTopology, nameOf, ofKind, readKubernetesManifests, replicatedWorkloads } from '../deploy/test/kubernetes-topology.reader.js';
import { FROM_OUTSIDE, type DeployedService, type Topology } from '../deploy/test/topology.js';
import { NATS_USERS, natsPasswordsFromEnvironment, natsPasswordVariable, natsServerAuthorizationConfig } from '@bluehelm/messaging';
import { at, mapOf, textOf } from '../deploy/test/yaml-values.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const deployDir = join(root, 'deploy');
const servicesInCode = readServicesInCode(root);
const serviceNames = servicesInCode.map((service) => service.name);
const probes = readProbePaths(root);
const closingGraceMs = readClosingGraceMs(root);
const release = readReleaseVersion(root);
const compose = readComposeFile(deployDir);
const manifests = readKubernetesManifests(deployDir);
const postgresInit = readPostgresInitScript(deployDir);
/** What every NATS node must read: the users and permissions of the code, passwords from its environment. */
const natsAuthorization = natsServerAuthorizationConfig(natsPasswordsFromEnvironment());

/** What each topology's health checks must ask. */
interface ProbeExpectations {
  readonly readiness: (service: string) => string;
  readonly liveness: string | undefined;
}
const topologies: [string, Topology, ProbeExpectations][] = [
  [
    'Compose',
    composeTopology(compose, serviceNames),
    // A Compose health check only orders start-up and shows state (Docker's DNS keeps sending to
    // an unhealthy container), so the gateway's asks after the whole system, as the edge needs.
    { readiness: (service) => (service === 'gateway' ? probes.systemHealth : probes.ready), liveness: undefined },
  ],
  [
    'Kubernetes',
    kubernetesTopology(manifests, serviceNames),
    // Readiness decides which pods get traffic: the gateway's is its own, so that one service
    // being down does not take the whole API, incident intake included, out of the Service.
    { readiness: () => probes.ready, liveness: probes.live },
  ],
];

let settingDefaults: Map<string, Map<string, unknown>>;

beforeAll(async () => {
  settingDefaults = new Map();
  // One at a time: Jest's module registry fails on concurrent imports of one module graph.
  for (const service of servicesInCode) settingDefaults.set(service.name, await readSettingDefaults(root, service));
}, 60_000);

const holdsSecret = (setting: string): boolean => /PASSWORD|SECRET|TOKEN|MASTER_KEY/.test(setting) || setting === 'SMTP_URL';
/** The identity provider's settings: without AUTH_JWKS_URL a service trusts a development key. */
const IDENTITY_SETTINGS = ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'] as const;
/** A setting holding a PostgreSQL URL: a read model (*_DB_URL) or the key vault. */
const isDatabaseSetting = (setting: string): boolean => /_DB_URL$/.test(setting) || setting === 'KEY_VAULT_URL';
// As the services read NATS_URL: a server without a scheme is a nats:// one.
const serversOf = (list: string): string[] =>
  list.split(',').map((server) => new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(server.trim()) ? server.trim() : `nats://${server.trim()}`).host);
const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** The services whose code reads the setting. */
const readersOf = (setting: string): string[] =>
  serviceNames.filter((name) => settingDefaults.get(name)?.has(setting) === true);

const isHttpsUrl = (text: string): boolean => {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
};

/** Where the content of a file comes from, when the file lies in one of the service's secret mounts. */
function secretFileOrigin(service: DeployedService, path: string): string | undefined {
  for (const [mount, origin] of service.secretMounts) {
    if (path === mount) return origin;
    if (path.startsWith(`${mount}/`)) return `${origin}/${path.slice(mount.length + 1)}`;
  }
  return undefined;
}

/** Runs `check` on every service of the code as the topology deploys it; a missing one is a problem. */
function problemsOfServices(topology: Topology, check: (service: DeployedService) => string[]): string[] {
  return servicesInCode.flatMap(({ name }) => {
    const deployed = topology.services.get(name);
    return deployed === undefined ? [`${name}: not deployed`] : check(deployed).map((problem) => `${name}: ${problem}`);
  });
}

describe.each(topologies)('the %s topology', (_name, topology, expected) => {
  it('runs every service of the code at least twice, from the release image, started by its own name', () => {
    expect(sorted(topology.services.keys())).toEqual(sorted(serviceNames));
    const problems = problemsOfServices(topology, (service) => [
      ...(service.replicas >= 2 ? [] : [`${service.replicas} replica(s)`]),
      ...(service.image.endsWith(`:${release}`) ? [] : [`image ${service.image} is not the release ${release}`]),
      ...(service.startedAs === service.name ? [] : [`started as ${service.startedAs}`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('gives every service each setting whose default works on one machine only, and no setting it does not read', () => {
    const problems = problemsOfServices(topology, (service) => {
      const defaults = settingDefaults.get(service.name) ?? new Map<string, unknown>();
      const missing = [...defaults]
        .filter(([setting, value]) => needsDeploymentValue(value) && !service.settings.has(setting))
        .map(([setting, value]) => `${setting} is not given (default "${String(value)}")`);
      const unknown = [...service.settings.keys()].filter((setting) => !defaults.has(setting)).map((setting) => `${setting} is not read`);
      return [...missing, ...unknown];
    });
    expect(problems).toEqual([]);
  });

  it("serves every service on its code's default port and checks the health routes the code serves", () => {
    const problems = problemsOfServices(topology, (service) => {
      const port = servicesInCode.find(({ name }) => name === service.name)?.defaultPort;
      const checks = [
        ['readiness', service.readiness, expected.readiness(service.name)],
        ['liveness', service.liveness, expected.liveness],
      ] as const;
      return [
        ...(service.containerPort === undefined || service.containerPort === port ? [] : [`container port ${service.containerPort}`]),
        ...(!service.settings.has('PORT') || service.settings.get('PORT') === String(port) ? [] : [`PORT ${service.settings.get('PORT')}`]),
        ...checks.flatMap(([kind, check, path]) =>
          check?.path === path && (path === undefined || check?.port === port) ? [] : [`${kind} ${JSON.stringify(check)}, not ${path} on ${port}`],
        ),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('limits the resources of every service and lets it finish its in-flight work when stopped', () => {
    const problems = problemsOfServices(topology, (service) => {
      const shutdownMs = Number(service.settings.get('SHUTDOWN_TIMEOUT_MS') ?? settingDefaults.get(service.name)?.get('SHUTDOWN_TIMEOUT_MS'));
      return [
        ...(service.hasResourceLimits ? [] : ['no resource limits']),
        ...(service.secondsToStop * 1000 >= shutdownMs + closingGraceMs ? [] : [`killed ${service.secondsToStop} s after the stop signal`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('pins every image to a version', () => {
    const unpinned = topology.images.filter((image) => !/:[\w.-]+$|@sha256:[0-9a-f]{64}$/.test(image) || /:latest$/.test(image));
    expect(topology.images.length).toBeGreaterThan(serviceNames.length);
    expect(unpinned).toEqual([]);
  });

  it('takes every password, secret, token and SMTP URL, and every password in a URL, from outside the repository', () => {
    const committed = topology.environment.filter(({ name, value, secretMounts }) => {
      const inUrl = /\/\/[^/:@\s]+:([^@]*)@/.exec(value)?.[1];
      const fromMountedSecret = secretMounts.some((mount) => value === mount || value.startsWith(`${mount}/`));
      return (holdsSecret(name) && value !== FROM_OUTSIDE && !fromMountedSecret) || (inUrl !== undefined && inUrl !== FROM_OUTSIDE);
    });
    expect(topology.environment.length).toBeGreaterThan(0);
    expect(committed.map(({ owner, name }) => `${owner}: ${name}`)).toEqual([]);
  });

  it('runs KurrentDB as a cluster of three nodes, each on its own volume, that find one another', () => {
    const nodes = topology.kurrentDbNodes;
    const addresses = nodes.map((node) => node.address);
    expect(nodes).toHaveLength(3);
    expect(nodes.map((node) => node.clusterSize)).toEqual(['3', '3', '3']);
    expect(new Set(nodes.map((node) => node.volume ?? 'none')).size).toBe(3);
    expect(nodes.every((node) => node.volume !== undefined)).toBe(true);
    for (const node of nodes) expect(sorted(new Set([node.address, ...node.peers]))).toEqual(sorted(addresses));
  });

  it('connects every service to all three KurrentDB nodes by discovery, with a password from outside', () => {
    const nodes = sorted(topology.kurrentDbNodes.map((node) => node.address));
    const problems = problemsOfServices(topology, (service) => {
      const url = service.settings.get('EVENT_STORE_URL') ?? '';
      const [, scheme, password, hosts = ''] = /^([a-z+]+):\/\/(?:[^:@]*:([^@]*)@)?([^/?]*)/.exec(url) ?? [];
      return scheme === 'kurrentdb+discover' && password === FROM_OUTSIDE && sameList(sorted(hosts.split(',')), nodes) ? [] : [`EVENT_STORE_URL ${url}`];
    });
    expect(nodes).toHaveLength(3);
    expect(problems).toEqual([]);
  });

  it('runs NATS as three nodes with JetStream on their own volumes and routes to all three', () => {
    const nodes = topology.natsNodes;
    const hosts = sorted(nodes.map((node) => node.host));
    expect(nodes).toHaveLength(3);
    expect(new Set(nodes.map((node) => node.volume ?? 'none')).size).toBe(3);
    for (const node of nodes) {
      expect(node.jetStreamStoreDir).toMatch(/^\//);
      expect(node.volume).toBeDefined();
      expect(sorted(node.routes.map((route) => route.split(':')[0] ?? route))).toEqual(hosts);
    }
  });

  it('gives every service the full list of NATS servers', () => {
    const nodes = sorted(topology.natsNodes.map((node) => node.address));
    const problems = problemsOfServices(topology, (service) => {
      const list = service.settings.get('NATS_URL') ?? '';
      return list !== '' && sameList(sorted(serversOf(list)), nodes) ? [] : [`NATS_URL ${list}`];
    });
    expect(nodes).toHaveLength(3);
    expect(problems).toEqual([]);
  });

  it("gives every NATS node the code's users and permissions, and each user's password from outside", () => {
    const problems = topology.natsNodes.flatMap((node) => [
      ...([...node.includedFiles.values()].includes(natsAuthorization) ? [] : [`${node.host}: includes no authorization.conf of the permission table`]),
      ...NATS_USERS.map(natsPasswordVariable)
        .filter((variable) => !node.variableOrigins.has(variable))
        .map((variable) => `${node.host}: ${variable} is not given from outside`),
    ]);
    expect(topology.natsNodes).toHaveLength(3);
    expect(problems).toEqual([]);
  });

  it('connects every service to NATS as its own user, with the password the NATS nodes know that user by', () => {
    const problems = problemsOfServices(topology, (service) => {
      const origin = service.settingOrigins.get('NATS_PASSWORD');
      const known = topology.natsNodes.map((node) => node.variableOrigins.get(natsPasswordVariable(service.name)));
      return [
        ...(service.settings.get('NATS_USER') === service.name ? [] : [`NATS_USER ${service.settings.get('NATS_USER')}`]),
        ...(origin !== undefined && known.every((nodeOrigin) => nodeOrigin === origin) ? [] : [`NATS_PASSWORD from ${origin}, the nodes: ${known.join(', ')}`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('keeps every JetStream stream and lease bucket the services create on all the NATS nodes', () => {
    const nodes = topology.natsNodes.length;
    const problems = problemsOfServices(topology, (service) =>
      service.settings.get('JETSTREAM_REPLICAS') === String(nodes) ? [] : [`JETSTREAM_REPLICAS ${service.settings.get('JETSTREAM_REPLICAS')}`],
    );
    expect(nodes).toBe(3);
    expect(problems).toEqual([]);
  });

  it("keeps the read models in the topology's PostgreSQL, each behind its own password from outside", () => {
    const databaseUrls = [...topology.services.values()].flatMap((service) =>
      [...service.settings].filter(([setting]) => /_DB_URL$/.test(setting)).map(([setting, url]) => ({ service: service.name, setting, url })),
    );
    const problems = databaseUrls
      .filter(({ url }) => {
        const [, password, host] = /^postgres(?:ql)?:\/\/[^:@/]+:([^@]*)@([^:/?]+)/.exec(url) ?? [];
        return password !== FROM_OUTSIDE || host === undefined || !topology.postgresHosts.includes(host);
      })
      .map(({ service, setting, url }) => `${service}: ${setting} ${url}`);
    expect(sorted(databaseUrls.map(({ setting }) => setting))).toEqual(['ANALYTICS_DB_URL', 'NOTIFICATION_DB_URL']);
    expect(problems).toEqual([]);
  });

  it('gives every service the same identity provider: a JWKS URL over https, an issuer and an audience, none of them empty', () => {
    const problems = problemsOfServices(topology, (service) => {
      const jwksUrl = service.settings.get('AUTH_JWKS_URL') ?? FROM_OUTSIDE;
      return [
        ...IDENTITY_SETTINGS.flatMap((setting) => {
          const value = service.settings.get(setting);
          if (value === undefined) return [`${setting} is not given`];
          return value.trim() === '' || service.mayBeEmpty.has(setting) ? [`${setting} may be empty`] : [];
        }),
        // A value from outside is the operator's to get right; one written here must be https.
        ...(jwksUrl === FROM_OUTSIDE || isHttpsUrl(jwksUrl) ? [] : [`AUTH_JWKS_URL ${jwksUrl} is not an https URL`]),
      ];
    });
    const providers = new Set(
      serviceNames.map((name) => {
        const service = topology.services.get(name);
        return JSON.stringify(IDENTITY_SETTINGS.map((setting) => service?.settingOrigins.get(setting) ?? service?.settings.get(setting)));
      }),
    );
    expect(problems).toEqual([]);
    expect([...providers]).toHaveLength(1);
  });

  it('keeps the data keys of every service that seals personal data in one key vault database of its own, in its PostgreSQL', () => {
    const readers = readersOf('KEY_VAULT_URL');
    const urls = new Set(readers.map((name) => topology.services.get(name)?.settings.get('KEY_VAULT_URL') ?? `${name}: none`));
    const [url = ''] = urls;
    const vault = postgresUrlOf(url);
    const readModels = [...topology.services.values()].flatMap((service) =>
      [...service.settings].flatMap(([setting, value]) => (/_DB_URL$/.test(setting) ? (postgresUrlOf(value) ?? []) : [])),
    );
    expect(readers).toEqual(expect.arrayContaining(['case-tracking', 'intake']));
    expect([...urls]).toEqual([url]);
    expect(vault?.password).toBe(FROM_OUTSIDE);
    expect(topology.postgresHosts).toContain(vault?.host);
    expect(readModels.length).toBeGreaterThan(0);
    expect(readModels.filter(({ database, role }) => database === vault?.database || role === vault?.role)).toEqual([]);
  });

  it('gives every service that seals personal data the same master key, as a file of a mounted secret, never the key itself', () => {
    const readers = readersOf('PERSONAL_DATA_MASTER_KEY_FILE');
    const keyFiles = readers.map((name) => {
      const service = topology.services.get(name);
      const path = service?.settings.get('PERSONAL_DATA_MASTER_KEY_FILE');
      const origin = service === undefined || path === undefined ? undefined : secretFileOrigin(service, path);
      return { name, path, origin, givesKeyItself: service?.settings.has('PERSONAL_DATA_MASTER_KEY') === true };
    });
    const problems = keyFiles.flatMap(({ name, path, origin, givesKeyItself }) => [
      ...(givesKeyItself ? [`${name}: PERSONAL_DATA_MASTER_KEY is given`] : []),
      ...(origin === undefined ? [`${name}: PERSONAL_DATA_MASTER_KEY_FILE ${path} is in no mounted secret`] : []),
    ]);
    expect(readers).toEqual(expect.arrayContaining(['case-tracking', 'intake']));
    expect(problems).toEqual([]);
    expect(new Set(keyFiles.map(({ origin }) => origin)).size).toBe(1);
  });

  it('creates every database the services connect to on the first start, owned by the role they log in as', () => {
    const urls = [...topology.services.values()].flatMap((service) =>
      [...service.settings].filter(([setting]) => isDatabaseSetting(setting)).map(([setting, url]) => ({ owner: `${service.name}: ${setting}`, url })),
    );
    const uncreated = urls
      .filter(({ url }) => {
        const parts = postgresUrlOf(url);
        return parts === undefined || postgresInit.databaseOwners.get(parts.database) !== parts.role || !postgresInit.loginRoles.includes(parts.role);
      })
      .map(({ owner, url }) => `${owner} ${url}`);
    const ungiven = postgresInit.passwordVariables.filter(
      (variable) => !topology.postgresVariables.has(variable) && !topology.postgresVariables.has(`${variable}_FILE`),
    );
    expect(urls.length).toBeGreaterThan(2);
    expect(uncreated).toEqual([]);
    expect(postgresInit.passwordVariables.length).toBe(postgresInit.loginRoles.length);
    expect(ungiven).toEqual([]);
  });
});

describe('the NATS users', () => {
  it('are those of the permission table in deploy/nats/authorization.conf (node scripts/nats-authorization.mjs writes it)', () => {
    expect(readFileSync(join(deployDir, 'nats', 'authorization.conf'), 'utf8')).toBe(natsAuthorization);
  });
});

describe('the Kubernetes manifests', () => {
  it('are all listed in the kustomization, and commit no Secret', () => {
    const files = readdirSync(manifests.directory).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect(sorted(manifests.listedFiles)).toEqual(sorted(files));
    expect(ofKind(manifests, 'Secret').map(nameOf)).toEqual([]);
  });

  it('guard every replicated workload with a disruption budget: a quorum of each cluster, a pod of each service', () => {
    const clusters = ['kurrentdb', 'nats'];
    const workloads = replicatedWorkloads(manifests);
    const unguarded = workloads
      .filter(({ name, replicas, minAvailable }) => {
        const floor = clusters.includes(name) ? Math.floor(replicas / 2) + 1 : 1;
        const kept = Number(minAvailable[0]);
        // Below the replicas, so that draining a machine can still move a pod.
        return minAvailable.length !== 1 || kept < floor || kept >= replicas;
      })
      .map(({ name, minAvailable }) => `${name}: minAvailable ${JSON.stringify(minAvailable)}`);
    expect(sorted(workloads.map(({ name }) => name))).toEqual(sorted([...serviceNames, ...clusters]));
    expect(unguarded).toEqual([]);
  });

  it('refer only to Secrets that deploy/README.md tells the operator to create', () => {
    const readme = readFileSync(join(deployDir, 'README.md'), 'utf8');
    const referenced = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      if (typeof value !== 'object' || value === null) return;
      const node = mapOf(value);
      const name = textOf(at(node, 'secretKeyRef', 'name')) ?? textOf(at(node, 'secret', 'secretName')) ?? textOf(node['secretName']);
      if (name !== undefined) referenced.add(name);
      Object.values(node).forEach(collect);
    };
    manifests.documents.forEach(collect);
    const undocumented = [...referenced].filter((name) => !new RegExp(`create secret (generic|tls) ${name}\\b`).test(readme));
    expect(referenced.size).toBeGreaterThan(3);
    expect(undocumented).toEqual([]);
  });
});

describe('the Compose file', () => {
  it('reads secrets from the environment or from deploy/secrets, which git ignores', () => {
    const sources = [...compose.secrets].map(([name, secret]) => [name, textOf(secret['environment']) ?? textOf(secret['file'])] as const);
    const elsewhere = sources.filter(([, source]) => !(source !== undefined && (/^[A-Z_]+$/.test(source) || source.startsWith('./secrets/'))));
    const ignored = readFileSync(join(deployDir, '.gitignore'), 'utf8').split('\n');
    expect(sources.length).toBeGreaterThan(0);
    expect(elsewhere).toEqual([]);
    expect(ignored).toEqual(expect.arrayContaining(['secrets/', '.env']));
  });

  it('has every variable it needs from the operator described in env.example, with no secret value', () => {
    const text = readFileSync(join(deployDir, 'compose.yaml'), 'utf8').replace(/^\s*#.*$/gm, '');
    const needed = new Set([
      ...[...text.matchAll(/\$\{([A-Z0-9_]+)(?::?\?[^}]*)?\}/g)].map((match) => match[1] ?? ''),
      ...[...compose.secrets.values()].flatMap((secret) => textOf(secret['environment']) ?? []),
    ]);
    const example = new Map(
      readFileSync(join(deployDir, 'env.example'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z0-9_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
    );
    expect([...needed].filter((name) => !example.has(name))).toEqual([]);
    expect([...example].filter(([name, value]) => holdsSecret(name) && value !== '')).toEqual([]);
  });
});

describe('the Bluehelm image', () => {
  it('starts each service of the code by its name, from the folder of that name', () => {
    const script = readFileSync(join(deployDir, 'docker', 'start-service.sh'), 'utf8');
    const accepted = /^\s*([a-z-]+(?:\s*\|\s*[a-z-]+)*)\s*\)\s*;;/m.exec(script)?.[1]?.split('|').map((name) => name.trim()) ?? [];
    const dockerfile = readFileSync(join(deployDir, 'Dockerfile'), 'utf8');
    expect(sorted(accepted)).toEqual(sorted(serviceNames));
    expect(script).toContain('exec node "services/$service/dist/main.js"');
    expect(servicesInCode.filter((service) => service.directory !== service.name)).toEqual([]);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/bin\/sh", "\/app\/deploy\/docker\/start-service\.sh"\]$/m);
  });
});

/** Whether two sorted lists hold the same values. */
function sameList(actual: readonly string[], wanted: readonly string[]): boolean {
  return actual.length === wanted.length && actual.every((value, index) => value === wanted[index]);
}
