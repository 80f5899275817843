import { bindReadModel } from '../projection/read-model.binding.js';
import type { ReadModelTable } from '../read-model/read-model-table.js';
import { accessTrailProjection } from './access-trail.projection.js';
import { storedStreamOf } from './access-trail.stream.js';

export const ACCESS_TRAIL_TABLE: ReadModelTable = {
  name: 'access_trail',
  columns: [
    { name: 'position', type: 'bigint' },
    // Milliseconds since 1970-01-01T00:00:00Z: compared as numbers, whatever zone the metadata wrote.
    { name: 'recorded_at', type: 'bigint' },
    { name: 'actor', type: 'text' },
    { name: 'action', type: 'text' },
    // Null when it is the conventional stream of the action and resource (access-trail.stream.ts).
    { name: 'stream', type: 'text', nullable: true },
    { name: 'event_type', type: 'text' },
    { name: 'resource_type', type: 'text', nullable: true },
    { name: 'resource_id', type: 'text', nullable: true },
    { name: 'reason', type: 'text', nullable: true },
    { name: 'correlation_id', type: 'text', nullable: true },
  ],
  primaryKey: ['position'],
  // Pages are read in position order: with the position beside the actor or the resource, a page
  // of one actor's or one resource's entries is read from the index in order, without sorting.
  indexes: [['actor', 'position'], ['resource_id', 'position'], ['recorded_at']],
};

export const accessTrailReadModel = bindReadModel({
  projection: accessTrailProjection,
  table: ACCESS_TRAIL_TABLE,
  appendValues: (row, values) => {
    values.push(
      row.position,
      row.recordedAtMs,
      row.actor,
      row.action,
      storedStreamOf(row.stream, row.action, row.resource),
      row.eventType,
      row.resource?.type ?? null,
      row.resource?.id ?? null,
      row.reason,
      row.correlationId,
    );
  },
});
