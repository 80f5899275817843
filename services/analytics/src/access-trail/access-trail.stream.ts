import { accessStreamOf, type AccessTrailAction, type AccessTrailResource } from '@bluehelm/contracts';

/** A stored entry with neither a stream nor a resource: the table was written by something else. */
export class StreamlessEntryError extends Error {
  override readonly name = 'StreamlessEntryError';
  constructor(readonly position: number) {
    super(`access trail entry ${position} has neither a stream nor a resource`);
  }
}

/**
 * The stream an access to `resource` is written to by convention: a read of personal data on
 * `access-<id>`, any other access on `<type>-<id>` (the stream the resource was read from).
 */
export function conventionalStreamOf(action: AccessTrailAction, resource: AccessTrailResource): string {
  return action === 'read-personal-data' ? accessStreamOf(resource.id) : `${resource.type}-${resource.id}`;
}

/**
 * The stream to store for an entry: null when it is the conventional one, which is derived again
 * when the entry is read (most entries: a stream name is some forty bytes of every row).
 */
export function storedStreamOf(stream: string, action: AccessTrailAction, resource: AccessTrailResource | null): string | null {
  return resource !== null && stream === conventionalStreamOf(action, resource) ? null : stream;
}

/** The stream of a stored entry: as stored, or the conventional one of its action and resource. */
export function streamOfStored(
  position: number,
  stored: string | null,
  action: AccessTrailAction,
  resource: AccessTrailResource | null,
): string {
  if (stored !== null) return stored;
  if (resource === null) throw new StreamlessEntryError(position);
  return conventionalStreamOf(action, resource);
}
