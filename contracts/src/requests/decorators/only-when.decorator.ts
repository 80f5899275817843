import { registerDecorator } from 'class-validator';
import { CONSTRAINT_NAMES } from './constraint-names.js';

/**
 * A field that only means something when a sibling field has one value, such as
 * `detectedBeforeDetonation` for reports of type `ied`: given with any other value, it is an error
 * rather than silently dropped.
 */
export function OnlyWhen(siblingField: string, siblingValue: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: CONSTRAINT_NAMES.onlyWhen,
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [siblingField, siblingValue],
      validator: {
        validate: (_value: unknown, args) => (args?.object as Record<string, unknown>)[siblingField] === siblingValue,
        defaultMessage: (args) => `${args?.property ?? 'value'} may only be given when ${siblingField} is ${siblingValue}`,
      },
    });
}
