/**
 * Names of Bluehelm's own validation constraints. A name is the key of the constraint in a
 * validation error and the key of its JSON Schema converter, so the two cannot drift apart.
 */
export const CONSTRAINT_NAMES = {
  knownMission: 'isKnownMission',
  alpha3CountryCode: 'isAlpha3CountryCode',
  hostStateOfMission: 'isHostStateOfMission',
  worldDate: 'isWorldDate',
  onlyWhen: 'onlyWhen',
  noArrayItems: 'hasNoArrayItems',
} as const;
