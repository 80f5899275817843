import { bindReadModel } from '../projection/read-model.binding.js';
import { epochDayOf } from '../projection/world-period.js';
import { accountabilityFactsProjection } from './accountability-facts.projection.js';
export const ACCOUNTABILITY_FACTS_TABLE = {
    name: 'accountability_facts',
    columns: [
        { name: 'position', type: 'bigint' },
        { name: 'case_id', type: 'text' },
        { name: 'kind', type: 'text' },
        { name: 'person_id', type: 'text', nullable: true },
        // Both clocks as numbers, as the report compares them: days since 1970-01-01, and
        // milliseconds since 1970-01-01T00:00:00Z (numbers also cost a rebuild far less than text).
        { name: 'on_day', type: 'integer' },
        { name: 'recorded_at', type: 'bigint' },
        { name: 'host_state', type: 'text', nullable: true },
        { name: 'mission', type: 'text', nullable: true },
        { name: 'support_kind', type: 'text', nullable: true },
    ],
    primaryKey: ['position'],
};
/** The columns in table order, for loading facts back. */
export const ACCOUNTABILITY_FACT_COLUMNS = ACCOUNTABILITY_FACTS_TABLE.columns.map((column) => column.name).join(', ');
export const accountabilityFactsReadModel = bindReadModel({
    projection: accountabilityFactsProjection,
    table: ACCOUNTABILITY_FACTS_TABLE,
    appendValues: (fact, values) => {
        values.push(fact.position, fact.caseId, fact.kind, fact.personId, epochDayOf(fact.on), Date.parse(fact.recordedAt), fact.hostState, fact.mission, fact.supportKind);
    },
});
//# sourceMappingURL=accountability-facts.table.js.map