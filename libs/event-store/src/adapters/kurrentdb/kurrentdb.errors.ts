import { EventStoreError } from '../../errors.js';

/**
 * The server answered an event without its place in `$all`. KurrentDB gives it on stream reads
 * only from version 22.6 on; older servers cannot back this adapter, since every port event
 * carries its global position.
 */
export class KurrentDbPositionUnavailableError extends EventStoreError {
  constructor(
    readonly streamName: string,
    readonly revision: number,
  ) {
    super(
      `KurrentDB gave no $all position for event ${revision} of stream ${streamName}; ` +
        'the kurrentdb event store needs KurrentDB (EventStoreDB) 22.6 or later',
    );
  }
}

/** KurrentDB keeps `$`-prefixed stream metadata keys for itself, so custom metadata may not use them. */
export class ReservedStreamMetadataKeyError extends EventStoreError {
  constructor(
    readonly streamName: string,
    readonly key: string,
  ) {
    super(`stream ${streamName}: custom metadata key "${key}" is reserved by KurrentDB (keys starting with $)`);
  }
}
