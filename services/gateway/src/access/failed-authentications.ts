import type { IncomingMessage, ServerResponse } from 'node:http';
import { problemOf } from '@bluehelm/contracts';
import { SERVICE_CONFIG } from '@bluehelm/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { getStorageToken, ThrottlerStorage } from '@nestjs/throttler';
import type { GatewayConfig } from '../config/gateway-config.js';
import { ProblemException } from '../problems/problem.exception.js';
import { RATE_LIMIT_WINDOW_MS } from './caller-rate-limit.js';

/**
 * Requests refused with 401 never reach the per-subject limit (there is no verified subject), so
 * they are counted per client address instead, on the same budget (RATE_LIMIT_PER_MINUTE): past
 * it, an address that keeps sending bad tokens gets 429 with Retry-After rather than more 401s.
 */
@Injectable()
export class FailedAuthentications {
  constructor(
    @Inject(getStorageToken()) private readonly storage: ThrottlerStorage,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async count(request: IncomingMessage & { ip?: string }, response: ServerResponse): Promise<void> {
    const address = request.ip ?? request.socket.remoteAddress ?? '';
    const limit = this.config.RATE_LIMIT_PER_MINUTE;
    const record = await this.storage.increment(`failed-authentication:${address}`, RATE_LIMIT_WINDOW_MS, limit, RATE_LIMIT_WINDOW_MS, 'failed-authentication');
    if (!record.isBlocked) return;
    response.setHeader('Retry-After', String(record.timeToBlockExpire));
    throw new ProblemException(
      problemOf('rate-limited', `More than ${limit} requests with no valid token from this address in a minute; try again later.`),
    );
  }
}
