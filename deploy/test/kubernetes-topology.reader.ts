/** Reads deploy/kubernetes (the files its kustomization lists) into the Topology the tests check. */
import { basename, dirname, join } from 'node:path';
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

const KUBERNETES_DEFAULT_GRACE_SECONDS = 30;

export interface KubernetesManifests {
  readonly directory: string;
  /** The resources of kustomization.yaml. */
  readonly listedFiles: readonly string[];
  readonly documents: readonly YamlMap[];
  /** kustomization.yaml's `images`, by the image name the manifests use. */
  readonly imageOverrides: ReadonlyMap<string, YamlMap>;
}

export function readKubernetesManifests(deployDir: string): KubernetesManifests {
  const directory = join(deployDir, 'kubernetes');
  const [kustomization] = readYamlDocuments(join(directory, 'kustomization.yaml'));
  const listedFiles = textsOf(kustomization?.['resources']);
  return {
    directory,
    listedFiles,
    documents: listedFiles.flatMap((file) => readYamlDocuments(join(directory, file))),
    imageOverrides: new Map(listOf(kustomization?.['images']).map((image) => [textOf(mapOf(image)['name']) ?? '', mapOf(image)])),
  };
}

export function ofKind(manifests: KubernetesManifests, kind: string): YamlMap[] {
  return manifests.documents.filter((document) => document['kind'] === kind);
}

export function nameOf(document: unknown): string {
  return textOf(at(document, 'metadata', 'name')) ?? '';
}

/** The workloads that run more than one pod, each with the minAvailable of the budgets covering it. */
export function replicatedWorkloads(manifests: KubernetesManifests): { name: string; replicas: number; minAvailable: unknown[] }[] {
  const budgets = ofKind(manifests, 'PodDisruptionBudget');
  return [...ofKind(manifests, 'Deployment'), ...ofKind(manifests, 'StatefulSet')]
    .filter((workload) => replicasOf(workload) > 1)
    .map((workload) => ({
      name: nameOf(workload),
      replicas: replicasOf(workload),
      minAvailable: budgets
        .filter((budget) => selects(at(budget, 'spec', 'selector', 'matchLabels'), at(workload, 'spec', 'template', 'metadata', 'labels')))
        .map((budget) => at(budget, 'spec', 'minAvailable')),
    }));
}

export function kubernetesTopology(manifests: KubernetesManifests, serviceNames: readonly string[]): Topology {
  const reading = new ManifestReading(manifests);
  const workloads = [...ofKind(manifests, 'Deployment'), ...ofKind(manifests, 'StatefulSet')];
  const services = new Map<string, DeployedService>();
  for (const deployment of ofKind(manifests, 'Deployment')) {
    const name = nameOf(deployment);
    if (serviceNames.includes(name)) services.set(name, reading.deployedService(deployment));
  }
  const withImage = (pattern: RegExp) => workloads.filter((workload) => pattern.test(reading.image(mainContainer(workload))));
  const postgres = withImage(/^postgres:/);
  return {
    name: 'Kubernetes',
    services,
    images: workloads.flatMap((workload) => containersOf(workload).map((container) => reading.image(container))),
    environment: workloads.flatMap((workload) => containersOf(workload).flatMap((container) => reading.environmentEntries(workload, container))),
    kurrentDbNodes: withImage(KURRENTDB_IMAGES).flatMap((workload) => reading.kurrentDbNodes(workload)),
    natsNodes: withImage(/^nats:/).flatMap((workload) => reading.natsNodes(workload)),
    postgresHosts: ofKind(manifests, 'Service')
      .filter((service) => postgres.some((workload) => selects(at(service, 'spec', 'selector'), podLabelsOf(workload))))
      .map(nameOf),
    postgresVariables: new Set(postgres.flatMap((workload) => [...reading.variablesOf(mainContainer(workload)).values.keys()])),
  };
}

class ManifestReading {
  private readonly configMaps: Map<string, YamlMap>;

  constructor(private readonly manifests: KubernetesManifests) {
    this.configMaps = new Map(ofKind(manifests, 'ConfigMap').map((configMap) => [nameOf(configMap), mapOf(configMap['data'])]));
  }

  image(container: YamlMap): string {
    const image = textOf(container['image']) ?? '';
    const [, name = image, tag] = /^(.*?)(?::([^:/]+))?$/.exec(image) ?? [];
    const override = this.manifests.imageOverrides.get(name);
    const newTag = textOf(override?.['newTag']) ?? tag;
    return `${textOf(override?.['newName']) ?? name}${newTag === undefined ? '' : `:${newTag}`}`;
  }

  deployedService(deployment: YamlMap): DeployedService {
    const container = mainContainer(deployment);
    const { settings, origins, mayBeEmpty } = this.variablesOf(container);
    const resources = mapOf(container['resources']);
    const grace = Number(textOf(at(deployment, 'spec', 'template', 'spec', 'terminationGracePeriodSeconds')) ?? KUBERNETES_DEFAULT_GRACE_SECONDS);
    const preStopSleep = /\bsleep\s+(\d+)/.exec(textsOf(at(container, 'lifecycle', 'preStop', 'exec', 'command')).join(' '))?.[1];
    return {
      name: nameOf(deployment),
      replicas: replicasOf(deployment),
      image: this.image(container),
      startedAs: textsOf(container['args'] ?? container['command'])[0],
      containerPort: portOf(container, 'http', true),
      settings,
      settingOrigins: origins,
      mayBeEmpty,
      secretMounts: secretMountsOf(deployment, container),
      readiness: httpCheckOf(container, 'readinessProbe'),
      liveness: httpCheckOf(container, 'livenessProbe'),
      hasResourceLimits: ['requests', 'limits'].every(
        (kind) => textOf(at(resources, kind, 'cpu')) !== undefined && textOf(at(resources, kind, 'memory')) !== undefined,
      ),
      secondsToStop: grace - Number(preStopSleep ?? 0),
    };
  }

  environmentEntries(workload: YamlMap, container: YamlMap): EnvironmentEntry[] {
    const secretMounts = [...secretMountsOf(workload, container).keys()];
    const owner = `${nameOf(workload)}/${textOf(container['name'])}`;
    return [...this.variablesOf(container).values].map(([name, value]) => ({ owner, name, value, secretMounts }));
  }

  /**
   * The container's variables as the kubelet builds them: envFrom ConfigMaps, then `env` in
   * order, with $(NAME) replaced by an earlier variable. A secretKeyRef gives FROM_OUTSIDE, and
   * its Secret and key in `origins`. `settings` leaves out the variables that only serve to build
   * others; `mayBeEmpty` holds those taken from a source marked `optional`, which may be missing.
   */
  variablesOf(container: YamlMap): {
    values: Map<string, string>;
    settings: Map<string, string>;
    origins: Map<string, ValueOrigin>;
    mayBeEmpty: Set<string>;
  } {
    const values = new Map<string, string>();
    const origins = new Map<string, ValueOrigin>();
    const mayBeEmpty = new Set<string>();
    for (const source of listOf(container['envFrom'])) {
      const data = this.configMaps.get(textOf(at(source, 'configMapRef', 'name')) ?? '') ?? {};
      for (const [name, value] of Object.entries(data)) {
        values.set(name, textOf(value) ?? '');
        if (at(source, 'configMapRef', 'optional') === true) mayBeEmpty.add(name);
        else mayBeEmpty.delete(name);
      }
    }
    const referenced = new Set<string>();
    for (const variable of listOf(container['env']).map(mapOf)) {
      const name = textOf(variable['name']) ?? '';
      const literal = textOf(variable['value']);
      const configMapRef = at(variable, 'valueFrom', 'configMapKeyRef');
      const fieldPath = textOf(at(variable, 'valueFrom', 'fieldRef', 'fieldPath'));
      const optional = at(variable, 'valueFrom', 'secretKeyRef', 'optional') === true || at(configMapRef, 'optional') === true;
      if (optional) mayBeEmpty.add(name);
      else mayBeEmpty.delete(name);
      let value: string;
      if (literal !== undefined) {
        value = literal.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (reference: string, used: string) => {
          referenced.add(used);
          return values.get(used) ?? reference;
        });
      } else if (at(variable, 'valueFrom', 'secretKeyRef') !== undefined) {
        value = FROM_OUTSIDE;
        const secretKeyRef = at(variable, 'valueFrom', 'secretKeyRef');
        origins.set(name, `secret ${textOf(at(secretKeyRef, 'name')) ?? '?'}/${textOf(at(secretKeyRef, 'key')) ?? '?'}`);
      } else if (configMapRef !== undefined) {
        value = textOf(this.configMaps.get(textOf(at(configMapRef, 'name')) ?? '')?.[textOf(at(configMapRef, 'key')) ?? '']) ?? '';
      } else {
        value = `«${fieldPath ?? 'unknown source'}»`;
      }
      values.set(name, value);
    }
    return { values, settings: new Map([...values].filter(([name]) => !referenced.has(name))), origins, mayBeEmpty };
  }

  kurrentDbNodes(statefulSet: YamlMap): KurrentDbNode[] {
    const { values } = this.variablesOf(mainContainer(statefulSet));
    const governing = textOf(at(statefulSet, 'spec', 'serviceName')) ?? '';
    const hosts = podHostsOf(statefulSet);
    const addresses = hosts.map((host) => `${host}:2113`);
    const viaDns = values.get('KURRENTDB_DISCOVER_VIA_DNS') === 'true' && values.get('KURRENTDB_CLUSTER_DNS') === governing && this.isHeadless(governing);
    const peers = viaDns ? addresses : (values.get('KURRENTDB_GOSSIP_SEED') ?? '').split(',').filter((seed) => seed !== '');
    const claim = claimMountedAt(statefulSet, KURRENTDB_DATA);
    return hosts.map((host, index) => ({
      host,
      address: addresses[index] ?? host,
      volume: claim === undefined ? undefined : `${claim}-${nameOf(statefulSet)}-${index}`,
      clusterSize: values.get('KURRENTDB_CLUSTER_SIZE'),
      peers,
    }));
  }

  natsNodes(statefulSet: YamlMap): NatsNode[] {
    const container = mainContainer(statefulSet);
    const args = textsOf(container['args'] ?? container['command']);
    const configFlag = args.findIndex((argument) => argument === '--config' || argument === '-c');
    const configPath = configFlag >= 0 ? (args[configFlag + 1] ?? '') : '';
    const configMount = listOf(container['volumeMounts']).map(mapOf).find((mount) => textOf(mount['mountPath']) === dirname(configPath));
    const configVolume = listOf(at(statefulSet, 'spec', 'template', 'spec', 'volumes'))
      .map(mapOf)
      .find((volume) => textOf(volume['name']) === textOf(configMount?.['name']));
    const configData = this.configMaps.get(textOf(at(configVolume, 'configMap', 'name')) ?? '') ?? {};
    const config = readNatsServerConfig(textOf(configData[basename(configPath)]) ?? '');
    // The ConfigMap is mounted as one folder: an include beside the configuration is another key of it.
    const includedFiles = new Map(
      config.includes.flatMap((include): [string, string][] => {
        const text = dirname(include) === '.' ? textOf(configData[basename(include)]) : undefined;
        return text === undefined ? [] : [[include, text]];
      }),
    );
    const { origins } = this.variablesOf(container);
    const claim = config.jetStreamStoreDir === undefined ? undefined : claimMountedAt(statefulSet, config.jetStreamStoreDir);
    return podHostsOf(statefulSet).map((host, index) => ({
      host,
      address: `${host}:4222`,
      volume: claim === undefined ? undefined : `${claim}-${nameOf(statefulSet)}-${index}`,
      routes: config.routes,
      jetStreamStoreDir: config.jetStreamStoreDir,
      includedFiles,
      variableOrigins: origins,
    }));
  }

  private isHeadless(serviceName: string): boolean {
    return ofKind(this.manifests, 'Service').some((service) => nameOf(service) === serviceName && at(service, 'spec', 'clusterIP') === 'None');
  }
}

function replicasOf(workload: YamlMap): number {
  return Number(textOf(at(workload, 'spec', 'replicas')) ?? 1);
}

function containersOf(workload: YamlMap): YamlMap[] {
  return listOf(at(workload, 'spec', 'template', 'spec', 'containers')).map(mapOf);
}

/** The container named like its workload, else the first. */
function mainContainer(workload: YamlMap): YamlMap {
  const containers = containersOf(workload);
  return containers.find((container) => container['name'] === nameOf(workload)) ?? containers[0] ?? {};
}

function podLabelsOf(workload: YamlMap): unknown {
  return at(workload, 'spec', 'template', 'metadata', 'labels');
}

/** Whether every label of the selector is on the pod. */
function selects(selector: unknown, podLabels: unknown): boolean {
  const wanted = Object.entries(mapOf(selector));
  return wanted.length > 0 && wanted.every(([key, value]) => mapOf(podLabels)[key] === value);
}

/** The stable DNS names of a StatefulSet's pods: <name>-<ordinal>.<governing Service>. */
function podHostsOf(statefulSet: YamlMap): string[] {
  const governing = textOf(at(statefulSet, 'spec', 'serviceName')) ?? '';
  return Array.from({ length: replicasOf(statefulSet) }, (_, index) => `${nameOf(statefulSet)}-${index}.${governing}`);
}

/** The name of the volume claim template mounted at the path in the main container. */
function claimMountedAt(statefulSet: YamlMap, path: string): string | undefined {
  const claims = new Set(listOf(at(statefulSet, 'spec', 'volumeClaimTemplates')).map((claim) => nameOf(claim)));
  const mount = listOf(mainContainer(statefulSet)['volumeMounts'])
    .map(mapOf)
    .find((candidate) => textOf(candidate['mountPath']) === path && claims.has(textOf(candidate['name']) ?? ''));
  return mount === undefined ? undefined : textOf(mount['name']);
}

/**
 * Where the container mounts Secret volumes, each as `secret NAME` (a folder with a file per
 * key), or `secret NAME/KEY` where a subPath mounts one key as a file.
 */
function secretMountsOf(workload: YamlMap, container: YamlMap): Map<string, ValueOrigin> {
  const secretNames = new Map(
    listOf(at(workload, 'spec', 'template', 'spec', 'volumes'))
      .map(mapOf)
      .flatMap((volume): [string, string][] => {
        const secretName = textOf(at(volume, 'secret', 'secretName'));
        return secretName === undefined ? [] : [[textOf(volume['name']) ?? '', secretName]];
      }),
  );
  return new Map(
    listOf(container['volumeMounts'])
      .map(mapOf)
      .flatMap((mount): [string, ValueOrigin][] => {
        const secretName = secretNames.get(textOf(mount['name']) ?? '');
        const path = textOf(mount['mountPath']);
        const subPath = textOf(mount['subPath']);
        if (secretName === undefined || path === undefined) return [];
        return [[path, subPath === undefined ? `secret ${secretName}` : `secret ${secretName}/${subPath}`]];
      }),
  );
}

/** The container port of that name; with `orFirst`, the first port when none has the name. */
function portOf(container: YamlMap, name: string, orFirst = false): number | undefined {
  const ports = listOf(container['ports']).map(mapOf);
  const port = ports.find((candidate) => candidate['name'] === name) ?? (orFirst ? ports[0] : undefined);
  const number = textOf(port?.['containerPort']);
  return number === undefined ? undefined : Number(number);
}

function httpCheckOf(container: YamlMap, probe: string): HttpCheck | undefined {
  const httpGet = mapOf(at(container, probe, 'httpGet'));
  const path = textOf(httpGet['path']);
  const port = textOf(httpGet['port']);
  if (path === undefined || port === undefined) return undefined;
  return { path, port: /^\d+$/.test(port) ? Number(port) : (portOf(container, port) ?? Number.NaN) };
}
