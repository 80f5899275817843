import type { IndicatorName } from '@bluehelm/contracts';
import { accountabilityFactsProjection } from '../accountability/accountability-facts.projection.js';
import { fatalitiesProjection } from '../fatalities/fatalities.projection.js';
import { iedDetectionProjection } from '../ied-detection/ied-detection.projection.js';
import type { ProjectionOutcome } from '../projection/batch.plan.js';

const INDICATOR_OF_PROJECTION: ReadonlyMap<string, IndicatorName> = new Map<string, IndicatorName>([
  [fatalitiesProjection.name, 'fatalities'],
  [iedDetectionProjection.name, 'ied-detection'],
  [accountabilityFactsProjection.name, 'accountability'],
]);

/** The indicators a batch may have changed: those whose projection derived rows from it. */
export function changedIndicatorsOf(outcomes: readonly ProjectionOutcome[]): IndicatorName[] {
  return outcomes.flatMap((outcome) => {
    const indicator = INDICATOR_OF_PROJECTION.get(outcome.name);
    return outcome.rows > 0 && indicator !== undefined ? [indicator] : [];
  });
}
