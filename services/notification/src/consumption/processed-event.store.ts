import type { ProcessedEventLog } from '@bluehelm/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_DATABASE } from '../database/notification-database.module.js';
import type { SqlDatabase } from '../database/sql-database.js';

/** The integration events fully handled, kept beside the deliveries they created. */
@Injectable()
export class ProcessedEventStore implements ProcessedEventLog {
  constructor(@Inject(NOTIFICATION_DATABASE) private readonly db: SqlDatabase) {}

  async has(eventId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT event_id FROM processed_events WHERE event_id = ?', [eventId]);
    return rows.length > 0;
  }

  async record(eventId: string): Promise<void> {
    await this.db.execute('INSERT INTO processed_events (event_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING', [
      eventId,
      new Date().toISOString(),
    ]);
  }
}
