import { streamCategory, type RecordedEvent } from '@bluehelm/event-store';
import { MalformedIntegrationEventError } from './errors.js';

/**
 * An event of the log as it crosses JetStream: the JSON body of every message on
 * `bluehelm.events.<category>.<EventType>`. Outside consumers read this shape, so fields are
 * only ever added, never renamed.
 */
export interface IntegrationEvent {
  /** The event id (a UUID); also the message's `Nats-Msg-Id` and the consumers' idempotency key. */
  readonly id: string;
  readonly type: string;
  readonly streamName: string;
  /** The stream name's text before its first dash: `case` for `case-<uuid>`. */
  readonly category: string;
  /** 0-based position of the event inside its stream. */
  readonly revision: number;
  /** Position of the event in the whole log. */
  readonly position: number;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export function toIntegrationEvent(event: RecordedEvent): IntegrationEvent {
  return {
    id: event.id,
    type: event.type,
    streamName: event.streamName,
    category: streamCategory(event.streamName),
    revision: event.revision,
    position: event.position,
    data: event.data,
    metadata: event.metadata,
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeIntegrationEvent(event: IntegrationEvent): Uint8Array {
  return encoder.encode(JSON.stringify(event));
}

/** Parses and checks a message body; throws MalformedIntegrationEventError naming the bad field. */
export function decodeIntegrationEvent(body: Uint8Array | string): IntegrationEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === 'string' ? body : decoder.decode(body));
  } catch {
    throw new MalformedIntegrationEventError('body', 'is not UTF-8 JSON');
  }
  if (!isRecord(parsed)) throw new MalformedIntegrationEventError('body', 'is not a JSON object');
  const id = requireText(parsed, 'id');
  const type = requireText(parsed, 'type');
  const streamName = requireText(parsed, 'streamName');
  const category = requireText(parsed, 'category');
  if (category !== streamCategory(streamName)) {
    throw new MalformedIntegrationEventError('category', `"${category}" is not the category of stream "${streamName}"`);
  }
  const revision = requireCount(parsed, 'revision');
  const position = requireCount(parsed, 'position');
  if (!('data' in parsed)) throw new MalformedIntegrationEventError('data', 'is missing');
  const metadata = parsed['metadata'];
  if (!isRecord(metadata)) throw new MalformedIntegrationEventError('metadata', 'is not a JSON object');
  return { id, type, streamName, category, revision, position, data: parsed['data'], metadata };
}

function requireText(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new MalformedIntegrationEventError(field, 'is not a non-empty string');
  }
  return value;
}

function requireCount(record: Record<string, unknown>, field: string): number {
  const value = record[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new MalformedIntegrationEventError(field, 'is not a non-negative integer');
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
