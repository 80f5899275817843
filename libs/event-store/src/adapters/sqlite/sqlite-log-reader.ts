import type Database from 'better-sqlite3';
import type { EventFilter, ReadAllOptions } from '../../port/event-store.port.js';
import type { RecordedEvent } from '../../port/recorded-event.js';
import { matchesFilter } from '../../semantics/event-filter.js';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './sqlite-event-row.js';

/** Rows fetched per query by readAll: large enough to amortise a query, small enough to stay lazy. */
const READ_ALL_PAGE_SIZE = 2000;

type PageDirection = 'forwards' | 'backwards';

/** Beyond any position SQLite can assign. */
const LAST_POSSIBLE_POSITION = Number.MAX_SAFE_INTEGER;

/** Reads the global log page by page, in either direction, with the filter applied in SQL. */
export class SqliteLogReader {
  /** One prepared statement per query shape (direction, number of prefixes, number of types). */
  private readonly statements = new Map<string, Database.Statement<unknown[], EventRow>>();
  private readonly headStatement: Database.Statement<[], { position: number }>;

  constructor(private readonly db: Database.Database) {
    this.headStatement = db.prepare('SELECT coalesce(max(position), -1) AS position FROM events');
  }

  /** The position of the last stored event, or -1 when the log is empty. */
  headPosition(): number {
    return this.headStatement.get()?.position ?? -1;
  }

  /**
   * At most `limit` events from `cursor` (inclusive) in `direction`. `scanned` (rows the query
   * gave, before the filter check) and `lastScanned` (the position of the last of them, if any)
   * tell the caller whether the log may hold more and where to go on.
   */
  page(
    cursor: number,
    direction: PageDirection,
    limit: number,
    filter: EventFilter | undefined,
  ): { readonly events: RecordedEvent[]; readonly scanned: number; readonly lastScanned: number | undefined } {
    const prefixes = filter?.streamPrefixes?.length ? filter.streamPrefixes : [];
    const types = filter?.eventTypes?.length ? filter.eventTypes : [];
    const rows = this.statementFor(direction, prefixes.length, types.length).all(
      cursor,
      ...prefixes.flatMap((prefix) => [prefix, prefix]),
      ...types,
      limit,
    );
    const events: RecordedEvent[] = [];
    // SQL narrows the scan; matchesFilter stays the one definition of a match for every adapter.
    const checked = prefixes.length > 0 || types.length > 0;
    for (const row of rows) {
      if (checked && !matchesFilter({ streamName: row[1], type: row[4] }, filter)) continue;
      events.push(toRecordedEvent(row));
    }
    return { events, scanned: rows.length, lastScanned: rows.at(-1)?.[0] };
  }

  /** readAll: `fromPosition` inclusive, pages fetched lazily as the caller iterates. */
  async *readAll(options: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    const direction: PageDirection = options.direction ?? 'forwards';
    let cursor = startCursor(direction, options.fromPosition);
    if (cursor === undefined) return;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const limit = Math.min(READ_ALL_PAGE_SIZE, remaining);
      const { events, scanned, lastScanned } = this.page(cursor, direction, limit, options.filter);
      for (const event of events) yield event;
      remaining -= events.length;
      if (scanned < limit || lastScanned === undefined) return;
      cursor = direction === 'forwards' ? lastScanned + 1 : lastScanned - 1;
    }
  }

  private statementFor(
    direction: PageDirection,
    prefixCount: number,
    typeCount: number,
  ): Database.Statement<unknown[], EventRow> {
    const key = `${direction}:${prefixCount}:${typeCount}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const conditions = [direction === 'forwards' ? 'position >= ?' : 'position <= ?'];
      if (prefixCount > 0) {
        const one = 'substr(stream_name, 1, length(?)) = ?';
        conditions.push(`(${Array.from({ length: prefixCount }, () => one).join(' OR ')})`);
      }
      if (typeCount > 0) conditions.push(`type IN (${Array.from({ length: typeCount }, () => '?').join(', ')})`);
      statement = this.db
        .prepare<unknown[], EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE ${conditions.join(' AND ')}
           ORDER BY position ${direction === 'forwards' ? 'ASC' : 'DESC'} LIMIT ?`,
        )
        .raw(true);
      this.statements.set(key, statement);
    }
    return statement;
  }
}

/**
 * The first position a read in `direction` may give, or undefined when it gives nothing
 * (forwards from the end, backwards from the start), as EventStoreDB reads `$all`.
 */
function startCursor(direction: PageDirection, from: ReadAllOptions['fromPosition']): number | undefined {
  if (typeof from === 'number') return from;
  const atStart = from === 'start' || (from === undefined && direction === 'forwards');
  if (direction === 'forwards') return atStart ? 0 : undefined;
  return atStart ? undefined : LAST_POSSIBLE_POSITION;
}
