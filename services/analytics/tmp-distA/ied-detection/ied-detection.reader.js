import { IED_INCIDENTS_TABLE } from './ied-detection.table.js';
/** Reads IED detection figures from the IED incident rows. */
export class IedDetectionReader {
    constructor(database) {
        this.database = database;
    }
    async figures(query) {
        const params = [];
        let where = '';
        if (query.mission !== undefined) {
            where = 'WHERE mission = ?';
            params.push(query.mission);
        }
        const key = query.groupBy === 'year' ? 'year' : "'all'";
        const rows = await this.database.query(`SELECT ${key} AS key, CAST(count(*) AS INTEGER) AS ieds, ` +
            `CAST(coalesce(sum(CASE WHEN detected = 1 THEN 1 ELSE 0 END), 0) AS INTEGER) AS detected ` +
            `FROM ${IED_INCIDENTS_TABLE.name} ${where} GROUP BY 1`, params);
        const groups = rows
            .map((row) => ({ key: row.key, ...figuresOf(row.ieds, row.detected) }))
            .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const totals = figuresOf(groups.reduce((sum, group) => sum + group.ieds, 0), groups.reduce((sum, group) => sum + group.detectedBeforeDetonation, 0));
        return { ...totals, groups: query.groupBy === undefined ? [] : groups };
    }
}
/** The figures with the rate rounded to 4 decimals, so that every database gives the same bytes. */
export function figuresOf(ieds, detected) {
    return { ieds, detectedBeforeDetonation: detected, rate: ieds === 0 ? null : Math.round((detected / ieds) * 10_000) / 10_000 };
}
//# sourceMappingURL=ied-detection.reader.js.map