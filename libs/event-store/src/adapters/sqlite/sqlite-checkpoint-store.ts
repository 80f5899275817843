import type Database from 'better-sqlite3';
import type { CheckpointStore } from '../../port/event-store.port.js';

/** Checkpoints in the same file as the log, so a subscriber's position survives what the log survives. */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly selectPosition: Database.Statement<[string], { position: number }>;
  private readonly upsertPosition: Database.Statement<[string, number]>;

  constructor(db: Database.Database) {
    this.selectPosition = db.prepare('SELECT position FROM checkpoints WHERE name = ?');
    this.upsertPosition = db.prepare(
      `INSERT INTO checkpoints (name, position) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
    );
  }

  async load(subscriberName: string): Promise<number | undefined> {
    return this.selectPosition.get(subscriberName)?.position;
  }

  async save(subscriberName: string, position: number): Promise<void> {
    this.upsertPosition.run(subscriberName, position);
  }
}
