import { ACCESS_TRAIL_PAGE } from '@bluehelm/contracts';
import { ACCESS_TRAIL_TABLE } from './access-trail.table.js';
/** `to` does not come after `from`: the range could hold no entry. */
export class InvertedTimeRangeError extends Error {
    constructor(from, to) {
        super(`to (${to}) must come after from (${from})`);
        this.from = from;
        this.to = to;
        this.name = 'InvertedTimeRangeError';
    }
}
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Milliseconds since the epoch of a valid `from` or `to`: a day means its first instant in UTC. */
export function instantOf(dayOrDateTime) {
    return Date.parse(DAY_ONLY.test(dayOrDateTime) ? `${dayOrDateTime}T00:00:00.000Z` : dayOrDateTime);
}
export const ACCESS_TRAIL_COLUMNS = ACCESS_TRAIL_TABLE.columns.map((column) => column.name).join(', ');
/**
 * The entries a query selects, in position order, after its cursor: `from` included, `to`
 * excluded. Resource ids are compared in lower case, as the projection stores them. A query
 * without `limit` gets the contract's default page.
 */
export function accessTrailSql(query) {
    const conditions = ['position > ?'];
    const params = [query.after ?? -1];
    const where = (condition, value) => {
        conditions.push(condition);
        params.push(value);
    };
    const from = query.from === undefined ? undefined : instantOf(query.from);
    const to = query.to === undefined ? undefined : instantOf(query.to);
    if (from !== undefined && to !== undefined && to <= from)
        throw new InvertedTimeRangeError(query.from ?? '', query.to ?? '');
    if (query.actor !== undefined)
        where('actor = ?', query.actor);
    if (query.resourceId !== undefined)
        where('resource_id = ?', query.resourceId.toLowerCase());
    if (query.action !== undefined)
        where('action = ?', query.action);
    if (from !== undefined)
        where('recorded_at >= ?', from);
    if (to !== undefined)
        where('recorded_at < ?', to);
    const rowLimit = (query.limit ?? ACCESS_TRAIL_PAGE.defaultLimit) + 1;
    return {
        sql: `SELECT ${ACCESS_TRAIL_COLUMNS} FROM ${ACCESS_TRAIL_TABLE.name} WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT ?`,
        params: [...params, rowLimit],
        rowLimit,
    };
}
//# sourceMappingURL=access-trail.query.js.map