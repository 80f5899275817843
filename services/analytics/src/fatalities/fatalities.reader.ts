import type { CountGroup, FatalitiesQuery, FatalitiesView } from '@bluehelm/contracts';
import type { ReadModelDatabase } from '../read-model/read-model-database.js';
import { fatalityCountSql } from './fatalities.query.js';
import { CASUALTIES_TABLE } from './fatalities.table.js';

/** Reads fatality counts from the casualty rows. */
export class FatalitiesReader {
  constructor(private readonly database: ReadModelDatabase) {}

  /** Throws InvertedRangeError when `to` ends before `from` begins. */
  async count(query: FatalitiesQuery): Promise<FatalitiesView> {
    const { sql, params } = fatalityCountSql(query);
    const rows = await this.database.query<{ key: string; count: number }>(sql, params);
    if (query.groupBy === undefined) return { total: rows[0]?.count ?? 0, groups: [] };
    const groups = rows.map((row): CountGroup => ({ key: row.key, count: row.count })).sort(byCountThenKey);
    return { total: groups.reduce((sum, group) => sum + group.count, 0), groups };
  }

  /** Every fatality in the read model. */
  async total(): Promise<number> {
    const rows = await this.database.query<{ count: number }>(
      `SELECT CAST(count(*) AS INTEGER) AS count FROM ${CASUALTIES_TABLE.name} WHERE outcome = 'killed'`,
    );
    return rows[0]?.count ?? 0;
  }
}

/** Highest count first; equal counts by key in code-point order, the same on every database. */
export function byCountThenKey(a: CountGroup, b: CountGroup): number {
  if (a.count !== b.count) return b.count - a.count;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
