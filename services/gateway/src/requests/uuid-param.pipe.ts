import { isUuid } from '@bluehelm/contracts';
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { badRequestProblem } from '../problems/gateway-problems.js';
import { ProblemException } from '../problems/problem.exception.js';

/** A path id that must be a UUID (400 otherwise); answered in lower case, as the streams are named. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUuid(value)) return value.toLowerCase();
    const name = metadata.data ?? 'id';
    throw new ProblemException(badRequestProblem(`The ${name} in the path is not a UUID.`, [{ path: name, message: `${name} must be a UUID` }]));
  }
}
