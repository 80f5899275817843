import { pingSubjectOf, type PingReply, type ServiceName } from '@bluehelm/contracts';
import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';

/**
 * A controller that answers `bluehelm.<service>.ping`. It is built per service because the
 * subject is part of the decorator.
 */
export function pingControllerFor(service: ServiceName): Type<unknown> {
  @Controller()
  class PingController {
    @MessagePattern(pingSubjectOf(service))
    ping(): PingReply {
      return { service, status: 'ok' };
    }
  }
  return PingController;
}
