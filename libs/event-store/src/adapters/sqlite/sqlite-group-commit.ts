import type Database from 'better-sqlite3';

interface PendingWrite<T> {
  readonly write: () => T;
  readonly resolve: (value: T) => void;
  readonly reject: (reason: unknown) => void;
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** How many writes one transaction takes at most, so that one commit never holds the file for long. */
const MAX_GROUP = 256;

/**
 * Group commit: writes asked for in the same turn of the event loop share one IMMEDIATE
 * transaction, so one fsync makes the whole group durable, and each is answered only after that
 * commit. Each write runs in its own savepoint (better-sqlite3 nests transactions that way), so a
 * refused write (a wrong expected revision, say) is undone alone and the others still commit.
 * Without it every append pays its own fsync on the event loop, and concurrent writers in one
 * process wait for each other's disk flush.
 */
export class SqliteGroupCommit<T> {
  private pending: PendingWrite<T>[] = [];
  private readonly inSavepoint: Database.Transaction<(write: () => T) => T>;
  private readonly commitGroup: Database.Transaction<(group: readonly PendingWrite<T>[]) => Outcome<T>[]>;

  constructor(db: Database.Database) {
    // Prepared once: better-sqlite3 compiles BEGIN/COMMIT/SAVEPOINT for each transaction function.
    this.inSavepoint = db.transaction((write: () => T) => write());
    this.commitGroup = db.transaction((group: readonly PendingWrite<T>[]) =>
      group.map(({ write }): Outcome<T> => {
        try {
          return { ok: true, value: this.inSavepoint(write) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** `write` runs inside a savepoint of the group's transaction; it must be synchronous. */
  submit(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Commits whatever is waiting now (before the file is closed). */
  flushPending(): void {
    while (this.pending.length > 0) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const group = this.pending.splice(0, MAX_GROUP);
    if (this.pending.length > 0) setImmediate(() => this.flush());
    let outcomes: Outcome<T>[];
    try {
      outcomes = this.commitGroup.immediate(group);
    } catch (error) {
      for (const { reject } of group) reject(error);
      return;
    }
    group.forEach(({ resolve, reject }, index) => {
      const outcome = outcomes[index] as Outcome<T>;
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  }
}
