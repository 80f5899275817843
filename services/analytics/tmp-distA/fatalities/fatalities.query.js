import { UNSPECIFIED_INCIDENT_TYPE } from '@bluehelm/contracts';
import { periodOf } from '../projection/world-period.js';
import { CASUALTIES_TABLE } from './fatalities.table.js';
/** `from` names a period that starts after the one `to` names. */
export class InvertedRangeError extends Error {
    constructor(from, to) {
        super(`to (${to}) ends before from (${from}) begins`);
        this.from = from;
        this.to = to;
        this.name = 'InvertedRangeError';
    }
}
const GROUP_COLUMNS = {
    year: 'year',
    mission: 'mission',
    personnelType: 'personnel_type',
    nationality: 'nationality',
    type: `coalesce(incident_type, '${UNSPECIFIED_INCIDENT_TYPE}')`,
};
/**
 * The count of fatalities the query selects, grouped when it says so. The range runs from the
 * first day of `from`'s period to the last day of `to`'s, and takes an incident whose whole
 * period (day, month or year) lies inside it: `2021` is inside `from=2020&to=2021` but not
 * inside `from=2021-01&to=2021-05`, so that no fatality is counted in two disjoint ranges.
 */
export function fatalityCountSql(query) {
    const conditions = ["outcome = 'killed'"];
    const params = [];
    const where = (condition, value) => {
        conditions.push(condition);
        params.push(value);
    };
    const from = query.from === undefined ? undefined : periodOf(query.from).firstDay;
    const to = query.to === undefined ? undefined : periodOf(query.to).lastDay;
    if (from !== undefined && to !== undefined && from > to)
        throw new InvertedRangeError(query.from ?? '', query.to ?? '');
    if (from !== undefined)
        where('period_start >= ?', from);
    if (to !== undefined)
        where('period_end <= ?', to);
    if (query.category !== undefined)
        where('category = ?', query.category);
    if (query.mission !== undefined)
        where('mission = ?', query.mission);
    if (query.hostState !== undefined)
        where('host_state = ?', query.hostState);
    const filter = `FROM ${CASUALTIES_TABLE.name} WHERE ${conditions.join(' AND ')}`;
    if (query.groupBy === undefined)
        return { sql: `SELECT 'all' AS key, CAST(count(*) AS INTEGER) AS count ${filter}`, params };
    return { sql: `SELECT ${GROUP_COLUMNS[query.groupBy]} AS key, CAST(count(*) AS INTEGER) AS count ${filter} GROUP BY 1`, params };
}
//# sourceMappingURL=fatalities.query.js.map