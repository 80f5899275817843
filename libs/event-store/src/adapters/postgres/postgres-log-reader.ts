import type { Pool } from 'pg';
import type { Direction, EventFilter, ReadAllOptions } from '../../port/event-store.port.js';
import type { RecordedEvent } from '../../port/recorded-event.js';
import { matchesFilter } from '../../semantics/event-filter.js';
import type { PostgresSchemaNames } from './postgres-connection.options.js';
import { EVENT_COLUMNS, type EventRow, recordedEventOf } from './postgres-event-row.js';

/** One keyset page of the log: the events strictly beyond `beyond` in `direction`. */
export interface LogPageRequest {
  readonly direction: Direction;
  readonly beyond: number;
  readonly limit: number;
  readonly filter?: EventFilter | undefined;
}

interface ScannedPage {
  readonly events: RecordedEvent[];
  /** Rows the query gave before the shared filter, to tell a full page from the end of the log. */
  readonly rowCount: number;
  readonly lastPosition: number | undefined;
  readonly limit: number;
}

// Above any position a bigint can hold, as the exclusive start of a backwards read from the end.
const BEYOND_THE_END = Number.MAX_SAFE_INTEGER;

/** Reads the global log by position, a page per query, for readAll and subscriptions. */
export class PostgresLogReader {
  // Each query shape is prepared once per connection; names are per pool, and the pool is this store's.
  private readonly statementNames = new Map<string, string>();

  constructor(
    private readonly pool: Pool,
    private readonly names: PostgresSchemaNames,
    private readonly pageSize: number,
  ) {}

  async page(request: LogPageRequest): Promise<RecordedEvent[]> {
    return (await this.scan(request)).events;
  }

  /** The position of the last committed event, or -1 for an empty log. */
  async headPosition(): Promise<number> {
    const result = await this.pool.query<{ last_position: number }>({
      name: 'log-head-position',
      text: `SELECT last_position FROM ${this.names.logHead}`,
    });
    return result.rows[0]?.last_position ?? -1;
  }

  /**
   * The log in position order, a page per query. The next page is requested as soon as the
   * previous one arrives, so the server works while the caller handles the events it has.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    const direction = options.direction ?? 'forwards';
    const forwards = direction === 'forwards';
    const from = options.fromPosition;
    if ((forwards && from === 'end') || (!forwards && from === 'start')) return;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    const scanBeyond = (beyond: number, wanted: number) =>
      this.scan({ direction, beyond, limit: Math.min(this.pageSize, wanted), filter: options.filter });

    const firstBeyond =
      typeof from === 'number' ? (forwards ? from - 1 : from + 1) : forwards ? -1 : BEYOND_THE_END;
    let next: Promise<ScannedPage> | undefined = remaining > 0 ? scanBeyond(firstBeyond, remaining) : undefined;
    while (next) {
      const { events, rowCount, lastPosition, limit } = await next;
      next = undefined;
      const stillWanted = remaining - events.length;
      if (rowCount === limit && lastPosition !== undefined && stillWanted > 0) {
        next = scanBeyond(lastPosition, stillWanted);
        // A caller that stops early never awaits this page; its failure must not go unhandled.
        next.catch(() => undefined);
      }
      for (const event of events) {
        remaining -= 1;
        yield event;
      }
    }
  }

  private async scan(request: LogPageRequest): Promise<ScannedPage> {
    const forwards = request.direction === 'forwards';
    const values: unknown[] = [request.beyond, request.limit];
    const conditions = [forwards ? 'position > $1' : 'position < $1'];
    const { streamPrefixes, eventTypes } = request.filter ?? {};
    if (streamPrefixes?.length) {
      values.push(streamPrefixes);
      conditions.push(`stream_name ^@ ANY($${values.length}::text[])`);
    }
    if (eventTypes?.length) {
      values.push(eventTypes);
      conditions.push(`type = ANY($${values.length}::text[])`);
    }
    const text =
      `SELECT ${EVENT_COLUMNS} FROM ${this.names.events} WHERE ${conditions.join(' AND ')} ` +
      `ORDER BY position ${forwards ? 'ASC' : 'DESC'} LIMIT $2`;
    const { rows } = await this.pool.query<EventRow>({ name: this.statementName(text), text, values });
    return {
      // The SQL already narrows the page; matchesFilter stays the one definition of a match that
      // every adapter shares, so no row the SQL let through can differ from the other stores.
      events: rows.map(recordedEventOf).filter((event) => matchesFilter(event, request.filter)),
      rowCount: rows.length,
      lastPosition: rows.at(-1)?.position,
      limit: request.limit,
    };
  }

  private statementName(text: string): string {
    let name = this.statementNames.get(text);
    if (!name) {
      name = `log-page-${this.statementNames.size}`;
      this.statementNames.set(text, name);
    }
    return name;
  }
}
