import type { IncomingMessage } from 'node:http';
import { parseJsonBody } from '@bluehelm/contracts';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { ProblemException } from '../problems/problem.exception.js';
import { readJsonBytes } from './request-body.reader.js';

export type RequestWithBody = IncomingMessage & { body?: unknown };

/**
 * Reads a route's JSON body before its pipes run: 415 unless it is `application/json` (UTF-8),
 * 413 above 1 MiB, 400 when it is not JSON. The gateway has no global body parser: a route reads
 * its body through this interceptor, or as bytes with readJsonBytes (a report, which goes on
 * unparsed), and the batch route streams its own.
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
