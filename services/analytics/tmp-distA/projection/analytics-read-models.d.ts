import type { AnyReadModelBinding } from './read-model.binding.js';
/** Every read model of the analytics service: what the projector feeds and a rebuild drops. */
export declare const ANALYTICS_READ_MODELS: readonly AnyReadModelBinding[];
export declare const ANALYTICS_TABLES: import("../read-model/read-model-table.js").ReadModelTable[];
//# sourceMappingURL=analytics-read-models.d.ts.map