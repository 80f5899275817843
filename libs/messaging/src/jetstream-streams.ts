import {
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
  type StreamInfo,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import {
  assertJetStreamName,
  BLUEHELM_TOPOLOGY,
  deadLettersFilter,
  integrationEventsFilter,
  type JetStreamTopology,
} from './jetstream-subjects.js';

export interface StreamSettings {
  /** 3 in a 3-node JetStream cluster; 1 (default) on a single server. */
  readonly replicas?: number;
  /**
   * How long JetStream remembers a `Nats-Msg-Id` to drop a re-published copy. It must cover the
   * time a relay may take to restart and republish what it sent after its last checkpoint.
   * Default 2 minutes for events, and for dead letters too.
   */
  readonly duplicateWindowMs?: number;
  /** Messages older than this are removed; default: kept forever (the event log is the archive). */
  readonly maxAgeMs?: number;
}

const DEFAULT_DUPLICATE_WINDOW_MS = 2 * 60_000;
// JetStream's own "stream name already in use" code: the stream exists with another config.
const STREAM_NAME_IN_USE = 10058;

/** Creates the integration-event stream, or brings an existing one to these settings. */
export async function ensureEventsStream(
  jsm: JetStreamManager,
  topology: JetStreamTopology = BLUEHELM_TOPOLOGY,
  settings: StreamSettings = {},
): Promise<StreamInfo> {
  return ensureStream(jsm, topology.eventsStream, integrationEventsFilter(topology.subjectPrefix), settings);
}

/** Creates the dead-letter stream, or brings an existing one to these settings. */
export async function ensureDeadLetterStream(
  jsm: JetStreamManager,
  topology: JetStreamTopology = BLUEHELM_TOPOLOGY,
  settings: StreamSettings = {},
): Promise<StreamInfo> {
  return ensureStream(jsm, topology.deadLetterStream, deadLettersFilter(topology.subjectPrefix), settings);
}

/** Both streams of a topology, as every service that relays or consumes events needs them. */
export async function ensureMessagingStreams(
  jsm: JetStreamManager,
  topology: JetStreamTopology = BLUEHELM_TOPOLOGY,
  settings: StreamSettings = {},
): Promise<{ readonly events: StreamInfo; readonly deadLetters: StreamInfo }> {
  const events = await ensureEventsStream(jsm, topology, settings);
  const deadLetters = await ensureDeadLetterStream(jsm, topology, settings);
  return { events, deadLetters };
}

async function ensureStream(
  jsm: JetStreamManager,
  name: string,
  subject: string,
  settings: StreamSettings,
): Promise<StreamInfo> {
  assertJetStreamName('stream name', name);
  const updatable = {
    subjects: [subject],
    num_replicas: settings.replicas ?? 1,
    duplicate_window: nanos(settings.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS),
    max_age: settings.maxAgeMs === undefined ? 0 : nanos(settings.maxAgeMs),
  } satisfies Partial<StreamConfig>;
  try {
    // Adding with the same config is a no-op on the server, so replicas starting together agree.
    return await jsm.streams.add({
      name,
      ...updatable,
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
    });
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === STREAM_NAME_IN_USE) {
      return jsm.streams.update(name, updatable);
    }
    throw error;
  }
}
