import { fatalityCountSql } from './fatalities.query.js';
import { CASUALTIES_TABLE } from './fatalities.table.js';
/** Reads fatality counts from the casualty rows. */
export class FatalitiesReader {
    constructor(database) {
        this.database = database;
    }
    /** Throws InvertedRangeError when `to` ends before `from` begins. */
    async count(query) {
        const { sql, params } = fatalityCountSql(query);
        const rows = await this.database.query(sql, params);
        if (query.groupBy === undefined)
            return { total: rows[0]?.count ?? 0, groups: [] };
        const groups = rows.map((row) => ({ key: row.key, count: row.count })).sort(byCountThenKey);
        return { total: groups.reduce((sum, group) => sum + group.count, 0), groups };
    }
    /** Every fatality in the read model. */
    async total() {
        const rows = await this.database.query(`SELECT CAST(count(*) AS INTEGER) AS count FROM ${CASUALTIES_TABLE.name} WHERE outcome = 'killed'`);
        return rows[0]?.count ?? 0;
    }
}
/** Highest count first; equal counts by key in code-point order, the same on every database. */
export function byCountThenKey(a, b) {
    if (a.count !== b.count)
        return b.count - a.count;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
//# sourceMappingURL=fatalities.reader.js.map