import { isProblemReply } from '@bluehelm/contracts';
import { Logger } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { withForwardedHeaders } from '../access/forwarded-headers.js';
import { badServiceReplyProblem } from '../problems/gateway-problems.js';
import { ProblemException } from '../problems/problem.exception.js';
import { problemForFailedRequest } from './failed-request.problem.js';
import type { ReplyCheck } from './reply-shapes.js';
import type { ServicesClient } from './services-client.provider.js';

const logger = new Logger('ServiceReply');

/**
 * A service's reply, as the route answers it: the success value when it passes `check`, else a
 * ProblemException carrying the service's problem (its status is the HTTP status), or the
 * gateway's own for no answer (503, 504) or a broken one (502).
 */
export function replyOrProblem<R>(reply: unknown, check: ReplyCheck<R>, service: string): R {
  if (isProblemReply(reply)) throw new ProblemException(reply);
  if (check(reply)) return reply;
  logger.warn(`${service} answered in a shape the gateway does not know`);
  throw new ProblemException(badServiceReplyProblem(service));
}

/** A request through the NestJS NATS transport to a service's @MessagePattern, with the caller's token. */
export async function requestPattern<R>(
  client: ServicesClient,
  subject: string,
  message: object,
  check: ReplyCheck<R>,
  service: string,
): Promise<R> {
  let reply: unknown;
  try {
    reply = await firstValueFrom(client.send<unknown, object>(subject, withForwardedHeaders(message)));
  } catch (error) {
    const problem = problemForFailedRequest(error, service, client.requestTimeoutMs);
    if (problem.status === 502) logger.warn(`${subject} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
    throw new ProblemException(problem);
  }
  return replyOrProblem(reply, check, service);
}
