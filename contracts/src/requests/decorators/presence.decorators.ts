import { IsDefined, ValidateIf } from 'class-validator';

/** A field the request must carry; null is not a value. Checked before any other rule of the field. */
export function Required(): PropertyDecorator {
  return IsDefined({ message: '$property is required' });
}

/**
 * A field the request may leave out. Unlike class-validator's IsOptional, null is not "left out":
 * it is checked like any value and rejected, as the JSON Schemas do.
 */
export function OptionalField(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
