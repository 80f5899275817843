import { registerDecorator } from 'class-validator';
import { isAlpha3CountryCode } from '../../reference/country-codes.js';
import { CONSTRAINT_NAMES } from './constraint-names.js';

/** An ISO 3166-1 alpha-3 country code in capitals, such as MLI. */
export function IsAlpha3CountryCode(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: CONSTRAINT_NAMES.alpha3CountryCode,
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => isAlpha3CountryCode(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO 3166-1 alpha-3 country code in capitals, such as MLI`,
      },
    });
}
