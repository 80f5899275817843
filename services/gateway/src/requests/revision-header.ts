import type { IncomingMessage } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { badRequestProblem } from '../problems/gateway-problems.js';
import { ProblemException } from '../problems/problem.exception.js';

/** `5`, `"5"` or `W/"5"`: the forms in which a client may hand back a case's ETag. */
const REVISION_TAG = /^(?:W\/"(\d+)"|"(\d+)"|(\d+))$/;

/**
 * The revision an `If-Match` header names, for optimistic concurrency; undefined without the
 * header. Throws a 400 problem for anything that names no revision.
 */
export function expectedRevisionOf(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const text = Array.isArray(header) ? header.join(',') : header;
  const match = REVISION_TAG.exec(text.trim());
  const revision = Number(match?.[1] ?? match?.[2] ?? match?.[3]);
  if (match === null || !Number.isSafeInteger(revision)) {
    throw new ProblemException(
      badRequestProblem('If-Match must name one revision of the case, such as "5".', [
        { path: 'headers.If-Match', message: 'If-Match must be a revision: 5, "5" or W/"5"' },
      ]),
    );
  }
  return revision;
}

/** The strong ETag of a revision, the form the gateway sends. */
export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/** Route parameter: the `If-Match` revision, or undefined. */
export const ExpectedRevision = createParamDecorator((_data: unknown, context: ExecutionContext): number | undefined =>
  expectedRevisionOf(context.switchToHttp().getRequest<IncomingMessage>().headers['if-match']),
);
