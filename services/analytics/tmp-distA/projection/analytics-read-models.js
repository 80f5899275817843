import { accessTrailReadModel } from '../access-trail/access-trail.table.js';
import { accountabilityFactsReadModel } from '../accountability/accountability-facts.table.js';
import { fatalitiesReadModel } from '../fatalities/fatalities.table.js';
import { iedDetectionReadModel } from '../ied-detection/ied-detection.table.js';
/** Every read model of the analytics service: what the projector feeds and a rebuild drops. */
export const ANALYTICS_READ_MODELS = [
    fatalitiesReadModel,
    iedDetectionReadModel,
    accountabilityFactsReadModel,

];
export const ANALYTICS_TABLES = ANALYTICS_READ_MODELS.map((binding) => binding.table);
//# sourceMappingURL=analytics-read-models.js.map