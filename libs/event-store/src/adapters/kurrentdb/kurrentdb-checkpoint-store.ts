import { randomUUID } from 'node:crypto';
import { StreamNotFoundError } from '../../errors.js';
import type { CheckpointStore, EventStore } from '../../port/event-store.port.js';
import { checkpointStreamOf } from './kurrentdb-event-filter.mapping.js';

const CHECKPOINT_SAVED = 'CheckpointSaved';

type StreamAccess = Pick<EventStore, 'appendToStream' | 'readStream' | 'getStreamMetadata' | 'setStreamMetadata'>;

/**
 * Checkpoints as events in KurrentDB itself, one stream per subscriber, so that a subscriber needs
 * no second database. The stream keeps only its last event (`maxCount: 1`); the server drops the
 * older ones at its next scavenge.
 */
export class KurrentDbCheckpointStore implements CheckpointStore {
  private readonly trimmedStreams = new Set<string>();

  constructor(private readonly streams: StreamAccess) {}

  async load(subscriberName: string): Promise<number | undefined> {
    try {
      const [latest] = await this.streams.readStream(checkpointStreamOf(subscriberName), {
        direction: 'backwards',
        maxCount: 1,
      });
      return positionIn(latest?.data);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  async save(subscriberName: string, position: number): Promise<void> {
    const streamName = checkpointStreamOf(subscriberName);
    await this.streams.appendToStream(streamName, [
      { id: randomUUID(), type: CHECKPOINT_SAVED, data: { position } },
    ]);
    await this.keepOnlyLatest(streamName);
  }

  /** Once per stream and process: a restart finds the metadata already there and writes nothing. */
  private async keepOnlyLatest(streamName: string): Promise<void> {
    if (this.trimmedStreams.has(streamName)) return;
    const current = await this.streams.getStreamMetadata(streamName);
    if (current?.metadata.maxCount !== 1) {
      await this.streams.setStreamMetadata(streamName, { ...current?.metadata, maxCount: 1 });
    }
    this.trimmedStreams.add(streamName);
  }
}

function positionIn(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { position } = data as { readonly position?: unknown };
  return typeof position === 'number' ? position : undefined;
}
