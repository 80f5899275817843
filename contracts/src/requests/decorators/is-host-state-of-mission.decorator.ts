import { registerDecorator } from 'class-validator';
import { findMission, isHostStateOfMission } from '../../reference/mission-lookup.js';
import { CONSTRAINT_NAMES } from './constraint-names.js';

/**
 * One of the host states of the mission named by the sibling field `missionField`. When that
 * field names no known mission, its own error says so and this rule stays silent.
 */
export function IsHostStateOfMission(missionField: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: CONSTRAINT_NAMES.hostStateOfMission,
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [missionField],
      validator: {
        validate(value: unknown, args) {
          const acronym = (args?.object as Record<string, unknown>)[missionField];
          if (typeof acronym !== 'string' || findMission(acronym) === undefined) return true;
          return typeof value === 'string' && isHostStateOfMission(value, acronym);
        },
        defaultMessage(args) {
          const property = args?.property ?? 'value';
          const acronym = String((args?.object as Record<string, unknown> | undefined)?.[missionField]);
          const hostStates = findMission(acronym)?.hostStates.join(', ') ?? '';
          return `${property} must be a host state of ${acronym}: ${hostStates}`;
        },
      },
    });
}
