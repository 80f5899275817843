// What the gateway forwards to a service in a request's NATS headers, read under the exact
// names the services read.
import { ACCESS_REASON_HEADER } from '@bluehelm/contracts';
import { AUTHORIZATION_HEADER } from '@bluehelm/service-kit';
import type { MsgHdrs } from '@nats-io/transport-node';

export const CORRELATION_ID_HEADER = 'Bluehelm-Correlation-Id';

export interface ForwardedHeaders {
  readonly authorization: string | undefined;
  readonly correlationId: string | undefined;
  readonly accessReason: string | undefined;
}

export function forwardedHeadersOf(headers: MsgHdrs | undefined): ForwardedHeaders {
  const valueOf = (name: string) => headers?.get(name) || undefined;
  return {
    authorization: valueOf(AUTHORIZATION_HEADER),
    correlationId: valueOf(CORRELATION_ID_HEADER),
    accessReason: valueOf(ACCESS_REASON_HEADER),
  };
}
