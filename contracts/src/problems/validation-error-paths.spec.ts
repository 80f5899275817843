import { describe, expect, it } from '@jest/globals';
import { ValidationError } from 'class-validator';
import { fieldErrorsOf } from './validation-error-paths.js';

function error(property: string, constraints: Record<string, string> | undefined, children: ValidationError[] = []): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('fieldErrorsOf', () => {
  it('writes nested objects with dots and list items with brackets', () => {
    const tree = [
      error('location', undefined, [error('lat', { max: 'lat must not be greater than 90' })]),
      error('casualties', undefined, [
        error('0', undefined, [error('nationality', { isAlpha3CountryCode: 'nationality must be alpha-3' })]),
        error('2', { nestedValidation: 'each item must be a JSON object' }),
      ]),
    ];
    expect(fieldErrorsOf(tree)).toEqual([
      { path: 'location.lat', message: 'lat must not be greater than 90' },
      { path: 'casualties[0].nationality', message: 'nationality must be alpha-3' },
      { path: 'casualties[2]', message: 'each item must be a JSON object' },
    ]);
  });

  it('keeps every message of a field and the field errors of its children', () => {
    const tree = [
      error('casualties', { arrayMaxSize: 'too many' }, [error('0', undefined, [error('outcome', { isIn: 'bad outcome' })])]),
      error('reportId', { isString: 'not a string', isLength: 'too long' }),
    ];
    expect(fieldErrorsOf(tree)).toEqual([
      { path: 'casualties', message: 'too many' },
      { path: 'casualties[0].outcome', message: 'bad outcome' },
      { path: 'reportId', message: 'not a string' },
      { path: 'reportId', message: 'too long' },
    ]);
  });

  it('gives nothing for no errors', () => {
    expect(fieldErrorsOf([])).toEqual([]);
  });
});
