import { accountabilityFactsProjection } from './accountability-facts.projection.js';
import { ACCOUNTABILITY_FACT_COLUMNS, ACCOUNTABILITY_FACTS_TABLE } from './accountability-facts.table.js';
import { AccountabilityIndex } from './accountability-index.js';
/** Fills an index with every fact of the read model, in log order, up to the projection's checkpoint. */
export async function loadAccountabilityIndex(database) {
    const index = new AccountabilityIndex();
    const rows = await database.queryArrays(`SELECT ${ACCOUNTABILITY_FACT_COLUMNS} FROM ${ACCOUNTABILITY_FACTS_TABLE.name} ORDER BY position`);
    for (const [position, caseId, kind, personId, day, recordedAt, hostState, mission, supportKind] of rows) {
        index.addStored({
            position: Number(position),
            caseId: String(caseId),
            kind: kind,
            personId: personId === null ? null : String(personId),
            day: Number(day),
            recordedAt: Number(recordedAt),
            hostState: hostState === null ? null : String(hostState),
            mission: mission === null ? null : String(mission),
            supportKind: supportKind === null ? null : String(supportKind),
        });
    }
    const checkpoint = (await database.readCheckpoints()).get(accountabilityFactsProjection.name);
    if (checkpoint !== undefined)
        index.advanceTo(checkpoint);
    return index;
}
//# sourceMappingURL=accountability-facts.loader.js.map