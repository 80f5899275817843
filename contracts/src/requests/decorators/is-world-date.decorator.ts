import { registerDecorator } from 'class-validator';
import { validationToday } from '../../world-dates/validation-today.js';
import { isAfterDay, isWorldDate, type WorldDatePrecision } from '../../world-dates/world-date.js';
import { CONSTRAINT_NAMES } from './constraint-names.js';

export interface WorldDateRule {
  readonly precisions: readonly WorldDatePrecision[];
  /** Reject dates whose period begins after today (see validation-today.ts). */
  readonly notInFuture: boolean;
}

const FORMATS: { readonly [P in WorldDatePrecision]: string } = { year: 'YYYY', month: 'YYYY-MM', day: 'YYYY-MM-DD' };

/** A real calendar date written with one of the given precisions, and by default not in the future. */
export function IsWorldDate(rule: WorldDateRule): PropertyDecorator {
  const written = rule.precisions.map((precision) => FORMATS[precision]);
  const formats = written.length === 1 ? written[0] : `${written.slice(0, -1).join(', ')} or ${written.at(-1)}`;
  return (target, propertyName) =>
    registerDecorator({
      name: CONSTRAINT_NAMES.worldDate,
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [rule],
      validator: {
        validate(value: unknown) {
          if (!isWorldDate(value, rule.precisions)) return false;
          return !(rule.notInFuture && isAfterDay(value, validationToday()));
        },
        defaultMessage(args) {
          const property = args?.property ?? 'value';
          if (!isWorldDate(args?.value, rule.precisions)) {
            return `${property} must be a real calendar date written ${formats}, in the years 1900 to 2999`;
          }
          return `${property} must not be in the future (today is ${validationToday()})`;
        },
      },
    });
}
