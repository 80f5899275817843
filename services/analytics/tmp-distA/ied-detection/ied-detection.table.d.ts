import type { ReadModelTable } from '../read-model/read-model-table.js';
export declare const IED_INCIDENTS_TABLE: ReadModelTable;
export declare const iedDetectionReadModel: import("../projection/read-model.binding.js").AnyReadModelBinding;
//# sourceMappingURL=ied-detection.table.d.ts.map