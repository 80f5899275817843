import type { Pool } from 'pg';
import type { CheckpointStore } from '../../port/event-store.port.js';
import type { PostgresSchemaNames } from './postgres-connection.options.js';

/** Subscribers' checkpoints, one row per subscriber, in the same database as the log they follow. */
export class PostgresCheckpointStore implements CheckpointStore {
  constructor(
    private readonly pool: Pool,
    private readonly names: PostgresSchemaNames,
  ) {}

  async load(subscriberName: string): Promise<number | undefined> {
    const result = await this.pool.query<{ position: number }>(
      `SELECT position FROM ${this.names.checkpoints} WHERE subscriber_name = $1`,
      [subscriberName],
    );
    return result.rows[0]?.position;
  }

  async save(subscriberName: string, position: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.names.checkpoints} (subscriber_name, position) VALUES ($1, $2)
       ON CONFLICT (subscriber_name) DO UPDATE SET position = EXCLUDED.position, saved_at = now()`,
      [subscriberName, position],
    );
  }
}
