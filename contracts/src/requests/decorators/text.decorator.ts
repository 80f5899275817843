import { IsString, Length, Matches } from 'class-validator';

/** Free text of 1 to `maxLength` characters that is not only blanks. */
export function Text(maxLength: number): PropertyDecorator {
  return (target, propertyName) => {
    IsString()(target, propertyName);
    Length(1, maxLength, { message: `$property must be 1 to ${maxLength} characters long` })(target, propertyName);
    Matches(/\S/, { message: '$property must not be blank' })(target, propertyName);
  };
}
