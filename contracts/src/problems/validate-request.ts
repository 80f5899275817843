import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { RequestClass } from '../requests/decorators/nested.decorators.js';
import { withValidationToday } from '../world-dates/validation-today.js';
import { inheritedNameKeyErrorsOf } from './inherited-name-keys.js';
import { parseJsonBody } from './json-body.js';
import { problemOf, type Problem, type ProblemFieldError } from './problem.js';
import { fieldErrorsOf } from './validation-error-paths.js';

export type ValidationOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export interface ValidateRequestOptions {
  /** `YYYY-MM-DD` taken as today by "not in the future" rules; the clock's date when absent. */
  readonly today?: string;
}

/**
 * Turns parsed JSON into a request instance and checks it: unknown fields are errors (a typo must
 * not silently drop data), nested objects and lists are checked item by item, and the answer is
 * either the instance or a 422 problem naming every failing field. Nothing is coerced: "12" is not
 * a number here (query classes convert their own numbers).
 */
export function validateRequest<T extends object>(
  requestClass: RequestClass<T>,
  body: unknown,
  options: ValidateRequestOptions = {},
): ValidationOutcome<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return rejected([{ path: '', message: 'the body must be a JSON object' }]);
  }
  const instance = plainToInstance(requestClass, body);
  const validate = () =>
    validateSync(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      // One message per field: the first rule it breaks ("is required" before any other).
      stopAtFirstError: true,
      validationError: { target: false, value: false },
    });
  const errors = options.today === undefined ? validate() : withValidationToday(options.today, validate);
  const fieldErrors = [...inheritedNameKeyErrorsOf(body), ...fieldErrorsOf(errors)];
  return fieldErrors.length === 0 ? { ok: true, value: instance } : rejected(fieldErrors);
}

/** parseJsonBody, then validateRequest: a 400 problem for broken JSON, 422 for invalid fields. */
export function validateJsonRequest<T extends object>(
  requestClass: RequestClass<T>,
  body: string | Uint8Array,
  options: ValidateRequestOptions = {},
): ValidationOutcome<T> {
  const parsed = parseJsonBody(body);
  return parsed.ok ? validateRequest(requestClass, parsed.value, options) : parsed;
}

export function validationProblem(errors: readonly ProblemFieldError[]): Problem {
  const fields = new Set(errors.map((error) => error.path)).size;
  return problemOf('validation', `${fields} field${fields === 1 ? '' : 's'} of the request ${fields === 1 ? 'is' : 'are'} not valid.`, errors);
}

function rejected(errors: readonly ProblemFieldError[]): ValidationOutcome<never> {
  return { ok: false, problem: validationProblem(errors) };
}
