import { DatabaseError, type Pool } from 'pg';
import { StreamDeletedError } from '../../errors.js';
import type { AppendResult } from '../../port/event-store.port.js';
import type { ExpectedRevision } from '../../port/expected-revision.js';
import type { EventToAppend } from '../../port/recorded-event.js';
import { assertExpectedRevision } from '../../semantics/expected-revision.check.js';
import { assertDistinctEventIds, resolveReappend, type StoredEventRef } from '../../semantics/idempotent-append.js';
import { actualRevisionOf, NEW_STREAM_HEAD, type StreamHead } from '../../semantics/stream-visibility.js';
import type { PostgresSchemaNames } from './postgres-connection.options.js';

/** What an append is decided on: the stream head and the events already stored under its ids. */
interface AppendState {
  readonly head: StreamHead;
  readonly stored: readonly StoredEventRef[];
  /** The last position in the log, for the answer to an empty append. */
  readonly logPosition?: number;
}

type WriteOutcome =
  | { readonly kind: 'appended'; readonly result: AppendResult }
  | { readonly kind: 'tombstoned' }
  | { readonly kind: 'stale' }
  | { readonly kind: 'event-id-taken' };

interface HeadRow {
  readonly last_revision: number | null;
  readonly deleted_before: number | null;
  readonly tombstoned: boolean | null;
  readonly log_position: number;
  readonly stored: StoredEventRef[];
}

interface AppendRow {
  readonly outcome: 'appended' | 'tombstoned' | 'stale';
  readonly stream_revision: number;
  readonly log_position: number | null;
}

/**
 * Appends with the shared rules deciding and the database confirming. An append first presumes
 * the stream is where the writer expects it (no events stored under its ids) and writes in one
 * round trip; the append function writes only if that presumption holds (the head matches, the
 * id constraint accepts the ids). Otherwise the real head and stored ids are read, the rules
 * decide again, and the write is retried against what was read.
 */
export class PostgresStreamAppender {
  constructor(
    private readonly pool: Pool,
    private readonly names: PostgresSchemaNames,
  ) {}

  async append(
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    // UUIDs compare without regard to case; the database gives them back in lower case.
    const ids = events.map((event) => event.id.toLowerCase());
    assertDistinctEventIds(streamName, ids);
    const payload = JSON.stringify(
      events.map((event) => ({ id: event.id, type: event.type, data: event.data ?? null, metadata: event.metadata ?? {} })),
    );
    let state = events.length > 0 ? presumedState(expected) : undefined;
    for (;;) {
      state ??= await this.readState(streamName, ids);
      const retry = decideAppend(streamName, ids, expected, state);
      if (retry) return retry;
      if (events.length === 0) {
        return { nextExpectedRevision: state.head.lastRevision, position: state.logPosition ?? -1 };
      }
      const outcome = await this.write(streamName, expected === 'any' ? undefined : state.head, payload);
      switch (outcome.kind) {
        case 'appended':
          return outcome.result;
        case 'tombstoned':
          throw new StreamDeletedError(streamName);
        case 'stale':
        case 'event-id-taken':
          state = undefined;
          break;
        default:
          return outcome satisfies never;
      }
    }
  }

  private async readState(streamName: string, ids: readonly string[]): Promise<AppendState> {
    const { events, streams, logHead } = this.names;
    const result = await this.pool.query<HeadRow>({
      name: 'append-state',
      text: `SELECT s.last_revision, s.deleted_before, s.tombstoned,
                    (SELECT last_position FROM ${logHead}) AS log_position,
                    (SELECT coalesce(json_agg(json_build_object(
                              'id', e.id, 'streamName', e.stream_name, 'revision', e.revision, 'position', e.position)),
                            '[]'::json)
                       FROM ${events} e WHERE e.id = ANY($2::uuid[])) AS stored
               FROM (SELECT 1) AS one LEFT JOIN ${streams} s ON s.stream_name = $1::text`,
      values: [streamName, ids],
    });
    const row = result.rows[0] as HeadRow;
    return {
      head: {
        lastRevision: row.last_revision ?? NEW_STREAM_HEAD.lastRevision,
        deletedBefore: row.deleted_before ?? NEW_STREAM_HEAD.deletedBefore,
        tombstoned: row.tombstoned ?? NEW_STREAM_HEAD.tombstoned,
      },
      stored: row.stored,
      logPosition: row.log_position,
    };
  }

  /** `checkedHead` undefined: the append is valid whatever the head (expected revision `any`). */
  private async write(streamName: string, checkedHead: StreamHead | undefined, payload: string): Promise<WriteOutcome> {
    try {
      const result = await this.pool.query<AppendRow>({
        name: 'append-events',
        text: `SELECT outcome, stream_revision, log_position
                 FROM ${this.names.appendFunction}($1::text, $2::boolean, $3::bigint, $4::bigint, $5::json)`,
        values: [
          streamName,
          checkedHead !== undefined,
          checkedHead?.lastRevision ?? null,
          checkedHead?.deletedBefore ?? null,
          payload,
        ],
      });
      const row = result.rows[0] as AppendRow;
      switch (row.outcome) {
        case 'appended':
          return {
            kind: 'appended',
            result: { nextExpectedRevision: row.stream_revision, position: row.log_position as number },
          };
        case 'tombstoned':
        case 'stale':
          return { kind: row.outcome };
        default:
          return row.outcome satisfies never;
      }
    } catch (error) {
      if (error instanceof DatabaseError && error.code === '23505' && error.constraint === 'events_id_unique') {
        return { kind: 'event-id-taken' };
      }
      throw error;
    }
  }
}

/** The shared rules, on a head that was either read or presumed. Answers the result of an idempotent retry. */
function decideAppend(
  streamName: string,
  ids: readonly string[],
  expected: ExpectedRevision,
  state: AppendState,
): AppendResult | undefined {
  if (state.head.tombstoned) throw new StreamDeletedError(streamName);
  const actual = actualRevisionOf(state.head);
  const retry = resolveReappend(streamName, ids, state.stored, expected, actual);
  if (retry) return retry;
  assertExpectedRevision(streamName, expected, actual);
  return undefined;
}

/**
 * The state a writer's expectation implies: the stream head it names and no event stored under
 * the new ids. `stream-exists` names no head, and neither does a revision that no stream can have.
 */
function presumedState(expected: ExpectedRevision): AppendState | undefined {
  if (expected === 'any' || expected === 'no-stream') return { head: NEW_STREAM_HEAD, stored: [] };
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) {
    return { head: { lastRevision: expected, deletedBefore: 0, tombstoned: false }, stored: [] };
  }
  return undefined;
}
