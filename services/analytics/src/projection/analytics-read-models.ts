import { accessTrailReadModel } from '../access-trail/access-trail.table.js';
import { accountabilityFactsReadModel } from '../accountability/accountability-facts.table.js';
import { fatalitiesReadModel } from '../fatalities/fatalities.table.js';
import { iedDetectionReadModel } from '../ied-detection/ied-detection.table.js';
import type { AnyReadModelBinding } from './read-model.binding.js';
import type { ReadModelGroup } from './read-model-group.js';

/** The indicator and report read models: a few rows per incident or case event. */
export const ANALYTICS_GROUP: ReadModelGroup = {
  name: 'analytics',
  readModels: [fatalitiesReadModel, iedDetectionReadModel, accountabilityFactsReadModel],
};

/**
 * The access trail: one row per event of the log, as many as all the others together, so that a
 * rebuild of the indicators and reports does not wait for it, nor it for them.
 */
export const ACCESS_TRAIL_GROUP: ReadModelGroup = {
  name: 'access-trail',
  readModels: [accessTrailReadModel],
};

export const READ_MODEL_GROUPS: readonly ReadModelGroup[] = [ANALYTICS_GROUP, ACCESS_TRAIL_GROUP];

/** Every read model of the service, fed together by the live projector. */
export const ALL_READ_MODELS: readonly AnyReadModelBinding[] = READ_MODEL_GROUPS.flatMap((group) => group.readModels);

export const ALL_TABLES = ALL_READ_MODELS.map((binding) => binding.table);

/** The group `npm run rebuild -- <name>` names, if there is one. */
export function readModelGroupNamed(name: string): ReadModelGroup | undefined {
  return READ_MODEL_GROUPS.find((group) => group.name === name);
}
