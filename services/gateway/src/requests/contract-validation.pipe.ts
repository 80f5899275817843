import { validateRequest, type RequestClass } from '@bluehelm/contracts';
import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '../problems/problem.exception.js';

/**
 * Checks a body or query against its contract class with the contracts' own validateRequest, so
 * that the gateway refuses exactly what the services would (422 with every failing field path),
 * before anything is sent on. Answers the validated instance, with a query's numbers converted.
 */
@Injectable()
export class ContractValidationPipe<T extends object> implements PipeTransform<unknown, T> {
  constructor(private readonly requestClass: RequestClass<T>) {}

  transform(value: unknown): T {
    const outcome = validateRequest(this.requestClass, value);
    if (!outcome.ok) throw new ProblemException(outcome.problem);
    return outcome.value;
  }
}
