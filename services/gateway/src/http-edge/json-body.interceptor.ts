import type { IncomingMessage } from 'node:http';
import { parseJsonBody } from '@bluehelm/contracts';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { unsupportedMediaTypeProblem } from '../problems/gateway-problems.js';
import { ProblemException } from '../problems/problem.exception.js';
import { isUtf8Json, mediaTypeOf } from './media-type.js';
import { discardBody, MAX_JSON_BODY_BYTES, readLimitedBody } from './request-body.reader.js';

export type RequestWithBody = IncomingMessage & { body?: unknown };

/**
 * Reads a route's JSON body before its pipes run: 415 unless it is `application/json` (UTF-8),
 * 413 above 1 MiB, 400 when it is not JSON. The gateway has no global body parser, so a route
 * without this interceptor never reads a body, and the batch route streams its own.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<RequestWithBody>();
    request.body = await readJsonBody(request);
    return next.handle();
  }
}

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const parsed = parseJsonBody(await readJsonBytes(request));
  if (!parsed.ok) throw new ProblemException(parsed.problem);
  return parsed.value;
}

/** A JSON body's bytes, unparsed: 415 unless it is `application/json` (UTF-8), 413 above 1 MiB. */
export async function readJsonBytes(request: IncomingMessage): Promise<Buffer> {
  const contentType = request.headers['content-type'];
  if (!isUtf8Json(mediaTypeOf(contentType))) {
    discardBody(request);
    throw new ProblemException(
      unsupportedMediaTypeProblem(`The body must be application/json (UTF-8), not ${contentType ?? 'without a Content-Type'}.`),
    );
  }
  return readLimitedBody(request, MAX_JSON_BODY_BYTES);
}
