import { registerDecorator } from 'class-validator';
import { isMissionAcronym } from '../../reference/mission-lookup.js';
import { CONSTRAINT_NAMES } from './constraint-names.js';

/** The acronym of a mission in the reference list, current or closed. */
export function IsKnownMission(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: CONSTRAINT_NAMES.knownMission,
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => isMissionAcronym(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be the acronym of a known mission, such as MINUSMA`,
      },
    });
}
