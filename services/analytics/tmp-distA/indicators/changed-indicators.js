import { accountabilityFactsProjection } from '../accountability/accountability-facts.projection.js';
import { fatalitiesProjection } from '../fatalities/fatalities.projection.js';
import { iedDetectionProjection } from '../ied-detection/ied-detection.projection.js';
const INDICATOR_OF_PROJECTION = new Map([
    [fatalitiesProjection.name, 'fatalities'],
    [iedDetectionProjection.name, 'ied-detection'],
    [accountabilityFactsProjection.name, 'accountability'],
]);
/** The indicators a batch may have changed: those whose projection derived rows from it. */
export function changedIndicatorsOf(outcomes) {
    return outcomes.flatMap((outcome) => {
        const indicator = INDICATOR_OF_PROJECTION.get(outcome.name);
        return outcome.rows > 0 && indicator !== undefined ? [indicator] : [];
    });
}
//# sourceMappingURL=changed-indicators.js.map