import type { ReadModelTable } from '../read-model/read-model-table.js';
export declare const ACCOUNTABILITY_FACTS_TABLE: ReadModelTable;
/** The columns in table order, for loading facts back. */
export declare const ACCOUNTABILITY_FACT_COLUMNS: string;
export declare const accountabilityFactsReadModel: import("../projection/read-model.binding.js").AnyReadModelBinding;
//# sourceMappingURL=accountability-facts.table.d.ts.map