import type { ReadModelTable } from '../read-model/read-model-table.js';
export declare const CASUALTIES_TABLE: ReadModelTable;
export declare const fatalitiesReadModel: import("../projection/read-model.binding.js").AnyReadModelBinding;
//# sourceMappingURL=fatalities.table.d.ts.map