/**
 * What the deployment tests compare with the code: the Compose file and the Kubernetes
 * manifests, each read into this one shape, so that the same checks run against both.
 */

/**
 * Stands for a value that comes from outside the repository: a Kubernetes Secret, or (in
 * Compose) the operator's environment or deploy/.env. A setting holding it, whole or in part,
 * commits no value.
 */
export const FROM_OUTSIDE = '«from outside the repository»';

/**
 * Where a value from outside comes from, for settings that must agree across containers:
 * `environment NAME` (Compose: the operator's environment or deploy/.env), `file PATH` (a
 * Compose secret read from deploy/secrets/) or `secret NAME/KEY` (a Kubernetes Secret).
 */
export type ValueOrigin = string;

/** The images a KurrentDB node runs, and where it keeps its data, in both topologies. */
export const KURRENTDB_IMAGES = /^(kurrentplatform\/kurrentdb|eventstore\/eventstore):/;
export const KURRENTDB_DATA = '/var/lib/kurrentdb';

export interface HttpCheck {
  readonly port: number;
  readonly path: string;
}

/** One of the five Bluehelm services as a topology runs it. */
export interface DeployedService {
  readonly name: string;
  readonly replicas: number;
  readonly image: string;
  /** The argument that picks the service in the shared image (command or args). */
  readonly startedAs: string | undefined;
  readonly containerPort: number | undefined;
  /** Settings by name, with every part that comes from outside replaced by FROM_OUTSIDE. */
  readonly settings: ReadonlyMap<string, string>;
  /** The settings that are wholly one value from outside, with where it comes from. */
  readonly settingOrigins: ReadonlyMap<string, ValueOrigin>;
  /**
   * The settings whose value from outside may arrive empty or not at all (Compose `${NAME}` or
   * `${NAME?...}`, a Kubernetes reference marked `optional`), which the service takes as unset.
   */
  readonly mayBeEmpty: ReadonlySet<string>;
  /**
   * Where secrets are mounted in the service's container (a file, or a folder of files named
   * by their keys), each with where its content comes from: `file ./secrets/...` or
   * `environment NAME` (Compose), `secret NAME` (a Kubernetes Secret).
   */
  readonly secretMounts: ReadonlyMap<string, ValueOrigin>;
  readonly readiness: HttpCheck | undefined;
  readonly liveness: HttpCheck | undefined;
  readonly hasResourceLimits: boolean;
  /** Seconds between the stop signal and the kill, less any wait placed before the signal. */
  readonly secondsToStop: number;
}

/** A variable given to any container (stores included), and where it is written. */
export interface EnvironmentEntry {
  readonly owner: string;
  readonly name: string;
  readonly value: string;
  /** Where secrets are mounted in that container: files, or folders of files. */
  readonly secretMounts: readonly string[];
}

export interface ClusterNode {
  readonly host: string;
  /** host:port the clients use. */
  readonly address: string;
  /** The volume the node keeps its data on; undefined when it has none. */
  readonly volume: string | undefined;
}

export interface KurrentDbNode extends ClusterNode {
  /** KURRENTDB_CLUSTER_SIZE. */
  readonly clusterSize: string | undefined;
  /** The addresses the node finds the other nodes at (gossip seeds, or the DNS name's nodes). */
  readonly peers: readonly string[];
}

export interface NatsNode extends ClusterNode {
  /** The routes of the node's configuration, as host:port. */
  readonly routes: readonly string[];
  /** JetStream's store directory in the node's configuration; undefined when JetStream is off. */
  readonly jetStreamStoreDir: string | undefined;
  /** The text of each file its configuration includes, by the path the include names. */
  readonly includedFiles: ReadonlyMap<string, string>;
  /** The node's variables that are wholly one value from outside, with where it comes from. */
  readonly variableOrigins: ReadonlyMap<string, ValueOrigin>;
}

export interface Topology {
  readonly name: string;
  readonly services: ReadonlyMap<string, DeployedService>;
  readonly images: readonly string[];
  readonly environment: readonly EnvironmentEntry[];
  readonly kurrentDbNodes: readonly KurrentDbNode[];
  readonly natsNodes: readonly NatsNode[];
  /** Host names of the PostgreSQL servers the topology runs. */
  readonly postgresHosts: readonly string[];
  /** The variables given to the PostgreSQL containers (the init script reads the role passwords there). */
  readonly postgresVariables: ReadonlySet<string>;
}
