import type { StreamMetadata } from '../../port/stream-metadata.js';
import { ReservedStreamMetadataKeyError } from './kurrentdb.errors.js';

/**
 * The body of a `$metadata` event in a `$$<stream>` metastream, as KurrentDB reads it: reserved
 * `$`-prefixed keys, and custom keys beside them at the top level (KurrentDB's own convention,
 * so that its UI and other clients see them).
 */
export type KurrentStreamMetadataBody = Record<string, unknown>;

const MAX_COUNT = '$maxCount';
const MAX_AGE = '$maxAge';
const TRUNCATE_BEFORE = '$tb';

export function toKurrentStreamMetadata(streamName: string, metadata: StreamMetadata): KurrentStreamMetadataBody {
  const body: KurrentStreamMetadataBody = {};
  for (const [key, value] of Object.entries(metadata.custom ?? {})) {
    if (key.startsWith('$')) throw new ReservedStreamMetadataKeyError(streamName, key);
    body[key] = value;
  }
  if (metadata.maxCount !== undefined) body[MAX_COUNT] = metadata.maxCount;
  if (metadata.maxAge !== undefined) body[MAX_AGE] = metadata.maxAge;
  if (metadata.truncateBefore !== undefined) body[TRUNCATE_BEFORE] = metadata.truncateBefore;
  return body;
}

/**
 * The port's view of a metastream event. Reserved keys the port has no field for (`$acl`,
 * `$cacheControl`) are left out. A soft delete leaves `$tb` at 2^63-1, which reads back as a
 * truncateBefore above any revision.
 */
export function fromKurrentStreamMetadata(body: unknown): StreamMetadata {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const fields = body as KurrentStreamMetadataBody;
  const custom = Object.entries(fields).filter(([key]) => !key.startsWith('$'));
  const maxCount = fields[MAX_COUNT];
  const maxAge = fields[MAX_AGE];
  const truncateBefore = fields[TRUNCATE_BEFORE];
  return {
    ...(typeof maxCount === 'number' && { maxCount }),
    ...(typeof maxAge === 'number' && { maxAge }),
    ...(typeof truncateBefore === 'number' && { truncateBefore }),
    ...(custom.length > 0 && { custom: Object.fromEntries(custom) }),
  };
}
