/**
 * Who may publish and subscribe to what on the Bluehelm NATS servers: one user per service, and
 * one for the mission systems outside that report incidents. The table is derived from what
 * each service does (its relays, durable consumers, core publishes and requests), with subjects
 * taken from the contracts, so that the deployed server configuration (deploy/nats/) and the test
 * servers render the same rules.
 *
 * The rules it keeps:
 * - only the gateway (and, for incident reports, the mission systems) sends requests to the
 *   services' request subjects; a service answers only the requests it receives (allow_responses),
 *   so it can neither serve nor answer another service's subjects;
 * - a service publishes only the events of its own event-log categories, and only its own core
 *   subjects (analytics: the indicator changes);
 * - the JetStream API is open only for the streams, consumers and lease keys the service uses.
 */
import {
  ANALYTICS_INDICATORS_CHANGED_SUBJECT,
  ANALYTICS_SUBJECTS,
  CASE_STREAM_CATEGORY,
  CASE_TRACKING_SUBJECTS,
  eventSubjectOf,
  INCIDENT_REPORTED,
  INCIDENT_STREAM_CATEGORY,
  INTAKE_SUBJECTS,
  NOTIFICATION_SUBJECTS,
  PING_SUBJECTS,
  SERVICE_NAMES,
  type ServiceName,
} from '@bluehelm/contracts';
import { BLUEHELM_TOPOLOGY, deadLetterSubject, integrationEventsFilter } from './jetstream-subjects.js';
import { DEFAULT_LEASE_BUCKET } from './lease-bucket.js';
import { relayLeaseKey } from './relay-lease-key.js';

/** The user of the mission systems that report incidents straight over NATS. */
export const MISSION_SYSTEM_USER = 'mission-system';

/** Every NATS user of a Bluehelm deployment: the five services and the mission systems. */
export const NATS_USERS = [...SERVICE_NAMES, MISSION_SYSTEM_USER] as const;
export type NatsUser = (typeof NATS_USERS)[number];

export interface NatsSubjectRules {
  /** Subjects (wildcards allowed) the user may use; nothing else. Never empty when rendered. */
  readonly allow: readonly string[];
  /** Subjects refused even where `allow` covers them. */
  readonly deny: readonly string[];
}

export interface NatsUserPermissions {
  readonly publish: NatsSubjectRules;
  readonly subscribe: NatsSubjectRules;
  /** May answer each request it received, once, on its reply subject (nats-server `allow_responses`). */
  readonly allowResponses: boolean;
}

/** Replies, JetStream API answers and pulled messages all arrive on the connection's inboxes. */
export const NATS_INBOXES = '_INBOX.>';

/** The request/reply subjects each service answers, its ping included. */
export const SERVICE_REQUEST_SUBJECTS: { readonly [S in ServiceName]: readonly string[] } = {
  gateway: [PING_SUBJECTS.gateway],
  intake: [...Object.values(INTAKE_SUBJECTS), PING_SUBJECTS.intake],
  'case-tracking': [...Object.values(CASE_TRACKING_SUBJECTS), PING_SUBJECTS['case-tracking']],
  analytics: [...Object.values(ANALYTICS_SUBJECTS), PING_SUBJECTS.analytics],
  notification: [...Object.values(NOTIFICATION_SUBJECTS).flatMap((group) => Object.values(group)), PING_SUBJECTS.notification],
};

/** A durable pull consumer of the events stream, with the subject filter it is created with. */
export interface DurableConsumerUse {
  readonly durable: string;
  readonly filterSubject: string;
}

/** What a service does on NATS besides answering its request subjects. */
export interface ServiceMessaging {
  /** Event-log categories it relays to the events stream (one led relay each). */
  readonly relays: readonly string[];
  readonly consumers: readonly DurableConsumerUse[];
  /** Core NATS subjects it publishes (no JetStream, no reply expected). */
  readonly publishes: readonly string[];
  /** Core NATS subjects it listens to besides its request subjects. */
  readonly listensTo: readonly string[];
  /** The services whose request subjects it sends requests to. */
  readonly requestsTo: readonly ServiceName[];
}

/**
 * What each service does, read from its code. The durable names are the services' own constants
 * (INCIDENT_CONSUMER_DURABLE in case-tracking, NOTIFICATION_DURABLE in notification);
 * test/nats-permissions.system.spec.ts checks them against the source.
 */
export const BLUEHELM_SERVICE_MESSAGING: { readonly [S in ServiceName]: ServiceMessaging } = {
  gateway: {
    relays: [],
    consumers: [],
    publishes: [],
    // GET /v1/analytics/stream
    listensTo: [ANALYTICS_INDICATORS_CHANGED_SUBJECT],
    requestsTo: ['intake', 'case-tracking', 'analytics', 'notification'],
  },
  intake: { relays: [INCIDENT_STREAM_CATEGORY], consumers: [], publishes: [], listensTo: [], requestsTo: [] },
  'case-tracking': {
    relays: [CASE_STREAM_CATEGORY],
    consumers: [{ durable: 'case-tracking-incidents', filterSubject: eventSubjectOf(INCIDENT_STREAM_CATEGORY, INCIDENT_REPORTED) }],
    publishes: [],
    listensTo: [],
    requestsTo: [],
  },
  // Analytics follows the event log itself, not JetStream.
  analytics: { relays: [], consumers: [], publishes: [ANALYTICS_INDICATORS_CHANGED_SUBJECT], listensTo: [], requestsTo: [] },
  // Notification's own categories (focal points, subscriptions) stay in the event log: it relays none.
  notification: {
    relays: [],
    consumers: [{ durable: 'notification', filterSubject: integrationEventsFilter(BLUEHELM_TOPOLOGY.subjectPrefix) }],
    publishes: [],
    listensTo: [],
    requestsTo: [],
  },
};

const JS_API = '$JS.API';
const { eventsStream, deadLetterStream, subjectPrefix } = BLUEHELM_TOPOLOGY;

/** Creating or bringing a stream to its settings (ensureEventsStream, ensureDeadLetterStream). */
function streamUpkeep(stream: string): string[] {
  return [`${JS_API}.STREAM.CREATE.${stream}`, `${JS_API}.STREAM.UPDATE.${stream}`, `${JS_API}.STREAM.INFO.${stream}`];
}

/** Opening the lease bucket (openLeaseBucket) and holding one key of it (LeaderLease). */
function leaseUse(bucket: string, key: string): string[] {
  const stream = `KV_${bucket}`;
  const keySubject = `$KV.${bucket}.${key}`;
  return [
    `${JS_API}.STREAM.CREATE.${stream}`,
    `${JS_API}.STREAM.INFO.${stream}`,
    `${JS_API}.DIRECT.GET.${stream}.${keySubject}`,
    // A bucket made without direct gets is read through the stream's message API.
    `${JS_API}.STREAM.MSG.GET.${stream}`,
    keySubject,
  ];
}

/** Creating, reading, pulling from and acknowledging one durable consumer (DurableEventConsumer). */
function consumerUse(consumer: DurableConsumerUse): string[] {
  return [
    // The consumer is created with its filter in the subject (NATS 2.9's consumer create API).
    `${JS_API}.CONSUMER.CREATE.${eventsStream}.${consumer.durable}.${consumer.filterSubject}`,
    `${JS_API}.CONSUMER.INFO.${eventsStream}.${consumer.durable}`,
    `${JS_API}.CONSUMER.MSG.NEXT.${eventsStream}.${consumer.durable}`,
    // Acks, naks, terms and "still working" go to the reply subject of each pulled message.
    `$JS.ACK.${eventsStream}.${consumer.durable}.>`,
    deadLetterSubject(subjectPrefix, consumer.durable),
  ];
}

function jetStreamUse(messaging: ServiceMessaging): string[] {
  if (messaging.relays.length === 0 && messaging.consumers.length === 0) return [];
  return [
    // Asked by every JetStream manager when it is made.
    `${JS_API}.INFO`,
    ...streamUpkeep(eventsStream),
    // A service with consumers makes the dead-letter stream its failures go to.
    ...(messaging.consumers.length > 0 ? streamUpkeep(deadLetterStream) : []),
    ...messaging.relays.flatMap((category) => [
      integrationEventsFilter(subjectPrefix, category),
      ...leaseUse(DEFAULT_LEASE_BUCKET, relayLeaseKey([category])),
    ]),
    ...messaging.consumers.flatMap(consumerUse),
  ];
}

const ALL_REQUEST_SUBJECTS = SERVICE_NAMES.flatMap((service) => SERVICE_REQUEST_SUBJECTS[service]);

/** What no service but the named one may publish: its events and its core subjects. */
function ownedByOthers(service: ServiceName): string[] {
  const others = SERVICE_NAMES.filter((other) => other !== service).map((other) => BLUEHELM_SERVICE_MESSAGING[other]);
  const ownRelays = BLUEHELM_SERVICE_MESSAGING[service].relays;
  return [
    ...(ownRelays.length === 0
      ? [integrationEventsFilter(subjectPrefix)]
      : others.flatMap((other) => other.relays.map((category) => integrationEventsFilter(subjectPrefix, category)))),
    ...others.flatMap((other) => other.publishes),
  ];
}

function servicePermissions(service: ServiceName): NatsUserPermissions {
  const messaging = BLUEHELM_SERVICE_MESSAGING[service];
  const requests = messaging.requestsTo.flatMap((target) => SERVICE_REQUEST_SUBJECTS[target]);
  // Only a service that sends requests may publish request subjects; all others are refused
  // them outright, whatever a wider allow might later cover.
  const refusedRequests = requests.length === 0 ? ALL_REQUEST_SUBJECTS : [];
  return {
    publish: {
      allow: unique([...requests, ...messaging.publishes, ...jetStreamUse(messaging)]),
      deny: unique([...refusedRequests, ...ownedByOthers(service)]),
    },
    subscribe: {
      allow: unique([...SERVICE_REQUEST_SUBJECTS[service], ...messaging.listensTo, NATS_INBOXES]),
      deny: [],
    },
    allowResponses: true,
  };
}

/** The permissions of every Bluehelm NATS user (streams BLUEHELM_EVENTS and BLUEHELM_DEAD_LETTERS). */
export const BLUEHELM_NATS_PERMISSIONS: { readonly [U in NatsUser]: NatsUserPermissions } = {
  gateway: servicePermissions('gateway'),
  intake: servicePermissions('intake'),
  'case-tracking': servicePermissions('case-tracking'),
  analytics: servicePermissions('analytics'),
  notification: servicePermissions('notification'),
  // Reports only, answered on its inboxes.
  [MISSION_SYSTEM_USER]: {
    publish: { allow: [INTAKE_SUBJECTS.reportIncident], deny: [] },
    subscribe: { allow: [NATS_INBOXES], deny: [] },
    allowResponses: false,
  },
};

function unique(subjects: readonly string[]): string[] {
  return [...new Set(subjects)];
}
