import type { ReadModelTable } from '../read-model/read-model-table.js';
export declare const ACCESS_TRAIL_TABLE: ReadModelTable;
export declare const accessTrailReadModel: import("../projection/read-model.binding.js").AnyReadModelBinding;
//# sourceMappingURL=access-trail.table.d.ts.map