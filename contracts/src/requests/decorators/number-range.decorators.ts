import { IsInt, IsNumber, Max, Min } from 'class-validator';

/*
 * class-validator runs a field's stacked decorators from the bottom up and the first failure is
 * the one reported, so the type check and the bounds are applied here in the order they are read:
 * "lat must be a number" rather than "lat must not be greater than 90" for `"lat": "12"`.
 */

/** A finite number from `min` to `max`, both included. */
export function NumberBetween(min: number, max: number): PropertyDecorator {
  return (target, propertyName) => {
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a number' })(target, propertyName);
    Min(min)(target, propertyName);
    Max(max)(target, propertyName);
  };
}

/** A whole number from `min` to `max`, both included. */
export function IntegerBetween(min: number, max: number): PropertyDecorator {
  return (target, propertyName) => {
    IsInt({ message: '$property must be a whole number' })(target, propertyName);
    Min(min)(target, propertyName);
    Max(max)(target, propertyName);
  };
}
