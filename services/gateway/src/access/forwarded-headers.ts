import { headers, type MsgHdrs } from '@nats-io/transport-node';
import { NatsRecordBuilder, type NatsRecord } from '@nestjs/microservices';
import { ACCESS_REASON_HEADER } from '@bluehelm/contracts';
import { AUTHORIZATION_HEADER } from '@bluehelm/service-kit';
import { CORRELATION_ID_HEADER } from '../http-edge/correlation-id.middleware.js';
import { currentCredentials } from './request-credentials.js';

/**
 * The NATS headers a request to a service carries: the caller's token (verified again there),
 * the correlation id, and the reason given for reading personal data.
 */
export function forwardedHeaders(): MsgHdrs {
  const forwarded = headers();
  const credentials = currentCredentials();
  if (credentials?.authorization !== undefined) forwarded.set(AUTHORIZATION_HEADER, credentials.authorization);
  if (credentials?.correlationId !== undefined) forwarded.set(CORRELATION_ID_HEADER, credentials.correlationId);
  // Header values are one line of text; anything else is dropped rather than forwarded.
  const reason = credentials?.accessReason;
  if (reason !== undefined && /^[^\r\n]{1,500}$/.test(reason)) forwarded.set(ACCESS_REASON_HEADER, reason);
  return forwarded;
}

/** A NestJS NATS message whose headers carry the caller's token. */
export function withForwardedHeaders<T>(message: T): NatsRecord {
  return new NatsRecordBuilder<T>(message).setHeaders(forwardedHeaders()).build();
}
