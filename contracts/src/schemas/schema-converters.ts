import { ValidationTypes } from 'class-validator';
import type { targetConstructorToSchema } from 'class-validator-jsonschema';
import { ALPHA3_COUNTRY_CODES } from '../reference/country-codes.js';
import { MISSION_ACRONYMS } from '../reference/mission-lookup.js';
import { CONSTRAINT_NAMES } from '../requests/decorators/constraint-names.js';
import type { WorldDateRule } from '../requests/decorators/is-world-date.decorator.js';
import { nestedClassOf } from '../requests/decorators/nested.decorators.js';
import { worldDatePattern } from '../world-dates/world-date.js';

/** The converters option of class-validator-jsonschema. */
export type SchemaConverters = NonNullable<NonNullable<Parameters<typeof targetConstructorToSchema>[1]>['additionalConverters']>;

/**
 * JSON Schema for each of Bluehelm's own constraints, so that a schema says what the validator
 * checks. Rules that tie two fields together (host state of the mission, `detectedBeforeDetonation`
 * only for IEDs) are class-level keywords beside the class; here such a constraint adds nothing.
 * "Not in the future" depends on the day of validation and has no JSON Schema form: the schema
 * only says it in the description.
 */
export function schemaConverters(refPointerPrefix: string): SchemaConverters {
  return {
    [CONSTRAINT_NAMES.knownMission]: { type: 'string', enum: [...MISSION_ACRONYMS] },
    [CONSTRAINT_NAMES.alpha3CountryCode]: { type: 'string', enum: [...ALPHA3_COUNTRY_CODES] },
    [CONSTRAINT_NAMES.hostStateOfMission]: {},
    [CONSTRAINT_NAMES.onlyWhen]: {},
    [CONSTRAINT_NAMES.noArrayItems]: {},
    [CONSTRAINT_NAMES.worldDate]: (meta) => {
      const rule = meta.constraints[0] as WorldDateRule;
      return { type: 'string', pattern: worldDatePattern(rule.precisions) };
    },
    // A required field is in `required`, and its own type already excludes null.
    [ValidationTypes.IS_DEFINED]: {},
    // TypeScript keeps no element type for `T[]`, so nested classes come from the decorators' record.
    [ValidationTypes.NESTED_VALIDATION]: (meta) => {
      const nested = typeof meta.target === 'function' ? nestedClassOf(meta.target, meta.propertyName) : undefined;
      return nested === undefined ? { type: 'object' } : { $ref: `${refPointerPrefix}${nested.name}` };
    },
  };
}
